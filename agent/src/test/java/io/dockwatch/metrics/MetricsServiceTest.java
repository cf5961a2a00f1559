package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricsGoldenTest.API;
import static io.dockwatch.metrics.TestContainer.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.testing.FakeEngine;
import io.micrometer.core.instrument.MockClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetricsServiceTest {
  private final Path root = Fixtures.tree("v2-systemd");
  private final AtomicInteger inventoryCalls = new AtomicInteger();
  private final List<ContainerSnapshot> containers =
      List.of(container(API, "api").running(2001).build());

  private Collection<ContainerSnapshot> inventory() {
    inventoryCalls.incrementAndGet();
    return containers;
  }

  private MetricsService service() {
    return new MetricsService(
        MetricsGoldenTest.CONFIG,
        MetricsGoldenTest.TENANCY,
        root,
        this::inventory,
        List::of,
        new EngineAccess(new FakeEngine()::connect, () -> ""),
        new AgentBuild("test", ""),
        new AgentMetrics("test", new MockClock()),
        Clock.systemUTC(),
        new FakeStatFs(root),
        new FakeTimex(FakeTimex.SYNCHRONIZED));
  }

  @Test
  void write_backToBackScrapes_readTheLastSampleOnly() throws IOException {
    MetricsService service = service();
    service.sampleNow();
    int sampled = inventoryCalls.get();

    scrape(service);
    String text = scrape(service);

    assertThat(inventoryCalls).hasValue(sampled);
    assertThat(text).contains("container_memory_usage_bytes{");
  }

  @Test
  void start_onItsOwnThreads_publishesTheFirstSamples() {
    try (MetricsService service = service()) {

      service.start();

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> assertThat(scrape(service)).contains("container_cpu_usage_seconds_total{"));
    }
  }

  private static String scrape(MetricsService service) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    service.source().write(null, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
