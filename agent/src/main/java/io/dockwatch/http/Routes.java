package io.dockwatch.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two pages the agent serves, {@code /metrics} and {@code /healthz}, behind basic
 * authentication when it is configured. Anything else is 404, any method but GET and HEAD 405.
 * Request bodies are never read.
 */
final class Routes implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
  private static final String TEXT = "text/plain; charset=utf-8";

  private final MetricsSource metrics;
  private final HealthSource health;
  private final BasicAuth auth;
  private final LogThrottle scrapeFailures;

  Routes(MetricsSource metrics, HealthSource health, BasicAuth auth, LogThrottle scrapeFailures) {
    this.metrics = metrics;
    this.health = health;
    this.auth = auth;
    this.scrapeFailures = scrapeFailures;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      route(exchange);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    if (!auth.permits(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", BasicAuth.CHALLENGE);
      send(exchange, 401, TEXT, text("authentication required\n"));
      return;
    }
    String path = exchange.getRequestURI().getPath();
    if (!path.equals("/metrics") && !path.equals("/healthz")) {
      send(exchange, 404, TEXT, text("not found; this agent serves /metrics and /healthz\n"));
      return;
    }
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      send(exchange, 405, TEXT, text("method not allowed\n"));
      return;
    }
    if (path.equals("/metrics")) {
      scrape(exchange);
    } else {
      healthz(exchange);
    }
  }

  private void scrape(HttpExchange exchange) throws IOException {
    Headers request = exchange.getRequestHeaders();
    boolean gzip = !isHead(exchange) && AcceptEncoding.gzip(request.getFirst("Accept-Encoding"));
    MetricsSource.Body body;
    try {
      body = metrics.expose(request.getFirst("Accept"), gzip);
    } catch (IOException | RuntimeException e) {
      OptionalLong held = scrapeFailures.permit();
      if (held.isPresent()) {
        LOG.warn(
            "scrape failed, answered HTTP 500; failures_since_last_report={}", held.getAsLong(), e);
      }
      send(exchange, 500, TEXT, text("metrics collection failed; the agent's log has the cause\n"));
      return;
    }
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", body.contentType());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Vary", "Accept-Encoding");
    if (body.gzipped()) {
      headers.set("Content-Encoding", "gzip");
    }
    try (body) {
      if (isHead(exchange)) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      // The sampled parts go out from the arrays they were rendered into: no copy of megabytes.
      exchange.sendResponseHeaders(200, body.length() == 0 ? -1 : body.length());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
    }
  }

  private void healthz(HttpExchange exchange) throws IOException {
    HealthSource.Health now = health.health();
    if (now.healthy()) {
      send(exchange, 200, TEXT, text("ok\n"));
    } else {
      send(exchange, 503, TEXT, text(String.join("\n", now.problems()) + "\n"));
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", type);
    headers.set("X-Content-Type-Options", "nosniff");
    if (isHead(exchange)) {
      // -1: no body follows; the server still closes the exchange cleanly.
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static boolean isHead(HttpExchange exchange) {
    return exchange.getRequestMethod().equals("HEAD");
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
