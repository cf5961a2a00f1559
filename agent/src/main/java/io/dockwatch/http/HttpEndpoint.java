package io.dockwatch.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.dockwatch.config.ConfigException;
import io.dockwatch.config.HttpConfig;
import io.dockwatch.tls.TlsContexts;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's own door: {@code GET /metrics} and {@code GET /healthz}, over HTTP or HTTPS, with
 * optional basic authentication, on the JDK's built-in server. It binds where {@link
 * HttpConfig#listen()} says, loopback by default. Four daemon threads serve requests: scrapes only
 * read samples already taken, so they are short, and a flood of connections cannot take more. A
 * client that sends half a request holds a thread for at most three seconds, and one that reads an
 * answer too slowly for at most ten, so a scraper may wait that long behind such clients; a wide
 * bind is best also kept behind a firewall.
 */
public final class HttpEndpoint implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
  private static final int THREADS = 4;
  private static final int BACKLOG = 16;
  private static final Duration SCRAPE_FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

  /**
   * Settings of the JDK's server, which it reads once from system properties when first used.
   * TCP_NODELAY: without it the HTTPS server leaves the last TLS record of a response waiting for
   * the scraper's delayed ACK, and a kept-alive HTTPS scrape took 43 ms instead of 0.6 ms. A
   * request time limit (seconds): a worker reads the request line and headers itself, so without
   * one, connections that send half a request line would hold the threads for good. A response time
   * limit (seconds), for the same reason on the way out: a client that reads a megabyte answer a
   * few bytes a second would hold a thread as long as it liked.
   */
  private static final Map<String, String> SERVER_SETTINGS =
      Map.of(
          "sun.net.httpserver.nodelay", "true",
          "sun.net.httpserver.maxReqTime", "3",
          "sun.net.httpserver.maxRspTime", "10");

  private final HttpConfig config;
  private final Routes routes;
  private final AtomicReference<Running> running = new AtomicReference<>();

  /**
   * @param clock paces the log line for failing scrapes (at most one a minute)
   */
  public HttpEndpoint(HttpConfig config, MetricsSource metrics, HealthSource health, Clock clock) {
    this.config = config;
    this.routes =
        new Routes(
            metrics,
            health,
            new BasicAuth(config.basicAuth()),
            new LogThrottle(clock, SCRAPE_FAILURE_LOG_INTERVAL));
  }

  private record Running(HttpServer server, ExecutorService pool) {}

  /**
   * Binds and starts serving.
   *
   * @throws ConfigException when the TLS files are unusable (the message names them)
   * @throws IOException when the address cannot be bound
   */
  public void start() throws IOException, ConfigException {
    SSLContext tls = null;
    if (config.tlsCert() != null) {
      tls = TlsContexts.server(config.tlsCert(), config.tlsKey());
    }
    tuneServer();
    HttpServer server = bind(config.listen(), tls);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, new DaemonThreads());
    server.setExecutor(pool);
    server.createContext("/", routes);
    if (!running.compareAndSet(null, new Running(server, pool))) {
      server.stop(0);
      pool.shutdownNow();
      throw new IllegalStateException("the HTTP endpoint is already started");
    }
    server.start();
    LOG.info(
        "HTTP endpoint listening; address={} tls={} basic_auth={}",
        address(),
        tls != null,
        !config.basicAuth().isEmpty());
  }

  /** Applies {@link #SERVER_SETTINGS}, leaving alone any the operator set with {@code -D}. */
  private static void tuneServer() {
    SERVER_SETTINGS.forEach(
        (key, value) -> {
          if (System.getProperty(key) == null) {
            System.setProperty(key, value);
          }
        });
  }

  private static HttpServer bind(InetSocketAddress listen, SSLContext tls) throws IOException {
    try {
      if (tls == null) {
        return HttpServer.create(listen, BACKLOG);
      }
      HttpsServer server = HttpsServer.create(listen, BACKLOG);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      return server;
    } catch (BindException e) {
      throw new IOException("http.listen: cannot listen on " + listen + ": " + e.getMessage(), e);
    }
  }

  /** The bound address; with port 0 in the configuration, the port the system chose. */
  public InetSocketAddress address() {
    Running now = running.get();
    if (now == null) {
      throw new IllegalStateException("the HTTP endpoint is not started");
    }
    return now.server().getAddress();
  }

  /** Stops listening at once; a scrape in flight is cut off. */
  @Override
  public void close() {
    Running now = running.getAndSet(null);
    if (now != null) {
      now.server().stop(0);
      now.pool().shutdownNow();
      LOG.info("HTTP endpoint stopped");
    }
  }

  /** Names the threads so that a thread dump shows who they are. */
  private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
