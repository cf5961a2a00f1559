package io.dockwatch.metrics;

import com.sun.net.httpserver.HttpServer;
import io.dockwatch.config.MetricsConfig;
import io.dockwatch.config.TenancyConfig.Tenant;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.EngineClient.EventSubscription;
import io.dockwatch.docker.EngineEvent;
import io.dockwatch.docker.HttpEngineClient;
import io.micrometer.core.instrument.Clock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: serves a {@link MetricsService} over HTTP on 127.0.0.1 against this machine and a
 * real engine, for measurements by hand and by {@code bench/metrics.sh}. It never runs in the
 * build; it is enabled by {@code -Ddockwatch.harness.docker=unix:///path/to/docker.sock}. The
 * inventory is kept as the agent keeps it: a full inspect at start, then one inspect per container
 * event.
 *
 * <p>Properties: {@code dockwatch.harness.seconds} (how long to serve, default 60), {@code
 * dockwatch.harness.portFile} (where to write the port once serving), {@code
 * dockwatch.harness.interval} (sampling interval in ms, default 5000).
 */
@EnabledIfSystemProperty(named = "dockwatch.harness.docker", matches = ".+")
class MetricsHarness {
  private final Map<String, ContainerSnapshot> inventory = new ConcurrentHashMap<>();

  @Test
  void serve() throws Exception {
    URI docker = URI.create(System.getProperty("dockwatch.harness.docker"));
    long seconds = Long.getLong("dockwatch.harness.seconds", 60);
    Duration interval = Duration.ofMillis(Long.getLong("dockwatch.harness.interval", 5000));
    try (HttpEngineClient engine = HttpEngineClient.connect(docker, null, Duration.ofSeconds(30))) {
      String engineVersion = engine.version().path("Version").asText("");
      EventSubscription events = engine.events(e -> onEvent(engine, e), e -> {});
      for (String id : engine.containerIds()) {
        engine.inspect(id).ifPresent(c -> inventory.put(c.id(), c));
      }
      try (MetricsService service =
          new MetricsService(
              new MetricsConfig(interval, interval, List.of()),
              new Tenant("environment", "system", "customer"),
              Path.of("/"),
              this::containers,
              List::of,
              new EngineAccess(
                  () -> HttpEngineClient.connect(docker, null, Duration.ofSeconds(3)),
                  () -> engineVersion),
              new AgentBuild("harness", ""),
              new AgentMetrics("harness", Clock.SYSTEM),
              java.time.Clock.systemUTC())) {
        service.start();
        HttpServer server =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(
            "/metrics",
            exchange -> {
              String accept = exchange.getRequestHeaders().getFirst("Accept");
              exchange
                  .getResponseHeaders()
                  .set("Content-Type", service.source().contentType(accept));
              exchange.sendResponseHeaders(200, 0);
              try (OutputStream out = exchange.getResponseBody()) {
                service.source().write(accept, out);
              }
            });
        server.start();
        String portFile = System.getProperty("dockwatch.harness.portFile");
        if (portFile != null) {
          Files.writeString(
              Path.of(portFile),
              server.getAddress().getPort() + " " + ProcessHandle.current().pid() + "\n",
              StandardCharsets.UTF_8);
        }
        new CountDownLatch(1).await(seconds, TimeUnit.SECONDS);
        server.stop(0);
      } finally {
        events.close();
      }
    }
  }

  private Collection<ContainerSnapshot> containers() {
    return List.copyOf(inventory.values());
  }

  private void onEvent(HttpEngineClient engine, EngineEvent e) {
    if (!e.type().equals("container")) {
      return;
    }
    try {
      engine
          .inspect(e.actorId())
          .ifPresentOrElse(c -> inventory.put(c.id(), c), () -> inventory.remove(e.actorId()));
    } catch (IOException failed) {
      inventory.remove(e.actorId());
    }
  }
}
