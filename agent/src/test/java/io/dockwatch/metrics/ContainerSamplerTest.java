package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricsGoldenTest.BATCH;
import static io.dockwatch.metrics.MetricsGoldenTest.WEB;
import static io.dockwatch.metrics.TestContainer.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.config.TenancyConfig.Tenant;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.host.CgroupReader;
import io.dockwatch.host.HostFiles;
import io.dockwatch.host.HostReader;
import io.dockwatch.testing.MutableClock;
import io.micrometer.core.instrument.MockClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ContainerSamplerTest {
  private static final String GHOST =
      "6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a";

  private final AtomicReference<List<ContainerSnapshot>> inventory =
      new AtomicReference<>(List.of());
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final AgentMetrics agentMetrics = new AgentMetrics("test", new MockClock());
  private final HostReader host = new HostReader(new HostFiles(Fixtures.tree("v1-cgroupfs")));
  private final ContainerSampler sampler =
      new ContainerSampler(
          inventory::get,
          new ContainerLabels(new Tenant("environment", "system", "customer"), List.of()),
          new CgroupReader(host.files()),
          host,
          agentMetrics,
          new LogThrottle(clock, Duration.ofMinutes(10)),
          clock);

  @Test
  void sample_containerRemoved_itsSeriesAreGoneInTheNextRound() {
    ContainerSnapshot web = container(WEB, "web").running(31337).build();
    ContainerSnapshot batch =
        container(BATCH, "batch").running(4242).cgroupParent("/tenant-a").build();
    inventory.set(List.of(web, batch));
    sampler.sample();
    inventory.set(List.of(batch));

    Families after = sampler.sample();

    assertThat(Exposition.text(after)).doesNotContain(WEB).contains(BATCH);
  }

  @Test
  void sample_containerRenamed_keepsOneSeriesUnderTheNewName() {
    inventory.set(List.of(container(WEB, "web").running(31337).build()));
    sampler.sample();
    inventory.set(List.of(container(WEB, "web-blue").running(31337).build()));

    Families after = sampler.sample();

    assertThat(Exposition.series(after, "container_memory_working_set_bytes"))
        .singleElement()
        .asString()
        .contains("name=\"web-blue\"");
  }

  @Test
  void sample_containerStopped_lastSeenStaysAtItsLastRunningRound() {
    inventory.set(List.of(container(WEB, "web").running(31337).build()));
    sampler.sample();
    clock.advance(Duration.ofSeconds(30));
    inventory.set(List.of(container(WEB, "web").exited(0, false).build()));

    Families after = sampler.sample();

    assertThat(Exposition.series(after, "container_last_seen"))
        .singleElement()
        .asString()
        .endsWith(" 1.7723664E9");
    assertThat(Exposition.series(after, "container_memory_usage_bytes")).isEmpty();
  }

  @Test
  void sample_cgroupUnreadableWhileItsProcessLives_reportsAScrapeError() {
    inventory.set(List.of(container(GHOST, "ghost").running(4242).build()));

    Families sample = sampler.sample();

    assertThat(Exposition.series(sample, "container_scrape_error"))
        .containsExactly("container_scrape_error 1.0");
    assertThat(Exposition.text(agentMetrics.prometheusRegistry().scrape()))
        .contains("dockwatch_collection_errors_total{collector=\"containers\"} 1.0");
  }

  @Test
  void sample_processGoneSinceTheInventory_isNoError() {
    inventory.set(List.of(container(GHOST, "ghost").running(999_999).build()));

    Families sample = sampler.sample();

    assertThat(Exposition.series(sample, "container_scrape_error"))
        .containsExactly("container_scrape_error 0.0");
  }
}
