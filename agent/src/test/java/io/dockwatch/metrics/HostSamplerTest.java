package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostSamplerTest {
  private static final MetricFamily LOAD = MetricFamily.gauge("test_load", "A load.");
  private static final MetricFamily MEMORY = MetricFamily.gauge("test_memory", "A memory.");

  private final MockClock ticker = new MockClock();
  private final AgentMetrics agentMetrics = new AgentMetrics("test", ticker);
  private final LogThrottle throttle =
      new LogThrottle(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofMinutes(10));

  /**
   * An area of three parts: one that takes 2 ms, one the machine does not answer, one that throws.
   */
  private final HostArea area =
      () ->
          List.of(
              new HostArea.Part(
                  "loadavg",
                  out -> {
                    ticker.add(2, TimeUnit.MILLISECONDS);
                    out.add(LOAD, 0.5);
                    return true;
                  }),
              new HostArea.Part("conntrack", out -> false),
              new HostArea.Part(
                  "meminfo",
                  out -> {
                    throw new IllegalStateException("a parser met a line it did not expect");
                  }));

  private final HostArea healthy =
      () ->
          List.of(
              new HostArea.Part(
                  "vmstat",
                  out -> {
                    out.add(MEMORY, 7);
                    return true;
                  }));

  private HostSampler sampler() {
    return new HostSampler(
        List.of(area, healthy), agentMetrics.nanoTicker(), agentMetrics, throttle);
  }

  @Test
  void sample_oneCollectorThrows_othersStillReportAndItsSuccessIsZero() {
    Families s = sampler().sample();

    assertThat(Exposition.series(s, HostSampler.SUCCESS.name()))
        .containsExactly(
            "node_scrape_collector_success{collector=\"conntrack\"} 0.0",
            "node_scrape_collector_success{collector=\"loadavg\"} 1.0",
            "node_scrape_collector_success{collector=\"meminfo\"} 0.0",
            "node_scrape_collector_success{collector=\"vmstat\"} 1.0");
    assertThat(Exposition.series(s, "test_load")).containsExactly("test_load 0.5");
    assertThat(Exposition.series(s, "test_memory")).containsExactly("test_memory 7.0");
  }

  @Test
  void sample_partsTakeTime_reportEachPartsOwnDuration() {
    Families s = sampler().sample();

    assertThat(Exposition.series(s, HostSampler.DURATION.name()))
        .contains(
            "node_scrape_collector_duration_seconds{collector=\"loadavg\"} 0.002",
            "node_scrape_collector_duration_seconds{collector=\"vmstat\"} 0.0");
  }

  @Test
  void sample_collectorThrows_countsOneFailedHostRound() {
    HostSampler sampler = sampler();

    sampler.sample();
    sampler.sample();

    String agent = Exposition.text(agentMetrics.prometheusRegistry().scrape());
    assertThat(agent).contains("dockwatch_collection_errors_total{collector=\"host\"} 2.0");
  }

  @Test
  void sample_machineDoesNotAnswer_isNoFailedRound() {
    HostSampler sampler =
        new HostSampler(
            List.of(() -> List.of(new HostArea.Part("pressure", out -> false))),
            agentMetrics.nanoTicker(),
            agentMetrics,
            throttle);
    agentMetrics.declareCollector(MetricsService.HOST_COLLECTOR);

    sampler.sample();

    String agent = Exposition.text(agentMetrics.prometheusRegistry().scrape());
    assertThat(agent).contains("dockwatch_collection_errors_total{collector=\"host\"} 0.0");
  }
}
