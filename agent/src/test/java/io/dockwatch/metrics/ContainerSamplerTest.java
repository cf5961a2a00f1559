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
import io.dockwatch.metrics.ContainerFsMetrics.LayerUsage;
import io.dockwatch.testing.FakeEngine;
import io.dockwatch.testing.MutableClock;
import io.micrometer.core.instrument.MockClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContainerSamplerTest {
  private static final String GHOST =
      "6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a";

  private final AtomicReference<List<ContainerSnapshot>> inventory =
      new AtomicReference<>(List.of());
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final AgentMetrics agentMetrics = new AgentMetrics("test", new MockClock());
  private final HostReader host = new HostReader(new HostFiles(Fixtures.tree("v1-cgroupfs")));
  private final FakeEngine engine = new FakeEngine();
  private final LogThrottle throttle = new LogThrottle(clock, Duration.ofMinutes(10));
  private final EngineUsage engineUsage =
      new EngineUsage(engine::connect, 2, Duration.ofSeconds(20), agentMetrics, throttle);
  private final Map<String, LayerUsage> layers = new HashMap<>();
  private final ContainerSampler sampler = sampler(engineUsage);

  private ContainerSampler sampler(EngineUsage engine) {
    return new ContainerSampler(
        inventory::get,
        new ContainerLabels(new Tenant("environment", "system", "customer"), List.of()),
        new CgroupReader(host.files()),
        host,
        engine,
        id -> Optional.ofNullable(layers.get(id)),
        agentMetrics,
        throttle,
        clock);
  }

  @AfterEach
  void close() {
    engineUsage.close();
  }

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

  @Test
  void sample_cgroupUnreadable_takesTheUsageFromTheEngine() {
    engine.stats().answer(GHOST, Fixtures.stats("v1-running"));
    inventory.set(List.of(container(GHOST, "ghost").running(4242).build()));

    Families sample = sampler.sample();

    assertThat(Exposition.series(sample, "container_memory_working_set_bytes"))
        .singleElement()
        .asString()
        .contains("name=\"ghost\"")
        .endsWith(" 1572864.0");
    assertThat(Exposition.series(sample, "container_network_transmit_bytes_total"))
        .singleElement()
        .asString()
        .contains("interface=\"eth0\"")
        .endsWith(" 797225.0");
    assertThat(Exposition.series(sample, "container_scrape_error"))
        .containsExactly("container_scrape_error 0.0");
  }

  @Test
  void sample_firstEngineCallStillUnderWay_isNoErrorYet() {
    engine.stats().answer(GHOST, Fixtures.stats("v1-running")).hold();
    inventory.set(List.of(container(GHOST, "ghost").running(4242).build()));
    EngineUsage hasty =
        new EngineUsage(engine::connect, 2, Duration.ofMillis(20), agentMetrics, throttle);

    Families sample = sampler(hasty).sample();

    engine.stats().release();
    hasty.close();
    assertThat(Exposition.series(sample, "container_memory_usage_bytes")).isEmpty();
    assertThat(Exposition.series(sample, "container_scrape_error"))
        .containsExactly("container_scrape_error 0.0");
  }

  @Test
  void sample_cgroupReadable_neverAsksTheEngine() {
    engine.stats().answer(WEB, Fixtures.stats("v1-running"));
    inventory.set(List.of(container(WEB, "web").running(31337).build()));

    sampler.sample();

    assertThat(engine.stats().calls()).isZero();
    assertThat(engine.connections()).isZero();
  }

  /**
   * The engine passes the cgroup's own numbers on, so a dashboard must find the same series
   * whichever source fed them; only the OOM kill count, which the engine does not give, is missing.
   */
  @Test
  void sample_containerFedByFilesOrByTheEngine_hasTheSameSeriesNamesAndLabels() {
    engine.stats().answer(GHOST, Fixtures.stats("v1-running"));
    inventory.set(
        List.of(
            container(WEB, "web").running(31337).build(),
            container(GHOST, "ghost").running(4242).build()));

    Families sample = sampler.sample();

    Set<String> fromFiles = shapes(sample, WEB);
    Set<String> fromEngine = shapes(sample, GHOST);
    assertThat(fromFiles).hasSizeGreaterThan(15);
    // The engine gives no OOM count and no task states, and each source names the devices it
    // read I/O on (the fixtures' and the recorded answer's differ): those families are set aside.
    assertThat(withoutSourceSpecific(fromEngine)).isEqualTo(withoutSourceSpecific(fromFiles));
  }

  private static Set<String> withoutSourceSpecific(Set<String> shapes) {
    return shapes.stream()
        .filter(
            shape ->
                !shape.startsWith("container_oom_events_total")
                    && !shape.startsWith("container_tasks_state")
                    && !shape.startsWith("container_fs_")
                    && !shape.startsWith("container_blkio_"))
        .collect(Collectors.toSet());
  }

  /** Each series of the container as its family and labels, the container's own values blanked. */
  private static Set<String> shapes(Families sample, String id) {
    return Exposition.text(sample)
        .lines()
        .filter(line -> line.contains("id=\"/docker/" + id + "\""))
        .map(line -> line.substring(0, line.lastIndexOf(' ')))
        .map(series -> series.replaceAll("(id|name)=\"[^\"]*\"", "$1=\"\""))
        .collect(Collectors.toSet());
  }

  @Test
  void sample_writableLayerMeasured_servesItsLastSizeOnTheDevice() {
    layers.put(WEB, new LayerUsage("/dev/vda", 8_388_608, OptionalDouble.of(2.0e11)));
    inventory.set(List.of(container(WEB, "web").running(31337).build()));

    Families sample = sampler.sample();

    assertThat(Exposition.series(sample, "container_fs_usage_bytes"))
        .singleElement()
        .asString()
        .contains("device=\"/dev/vda\"")
        .endsWith(" 8388608.0");
    assertThat(Exposition.series(sample, "container_fs_limit_bytes"))
        .singleElement()
        .asString()
        .endsWith(" 2.0E11");
  }
}
