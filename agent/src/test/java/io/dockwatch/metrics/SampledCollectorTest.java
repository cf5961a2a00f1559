package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SampledCollectorTest {
  private static final MetricFamily ROUNDS =
      MetricFamily.gauge("test_rounds", "Rounds the sampler has taken.");

  private final AgentMetrics agentMetrics = new AgentMetrics("test", new MockClock());
  private final LogThrottle throttle =
      new LogThrottle(new MutableClock(Instant.EPOCH), Duration.ofMinutes(10));

  @Test
  void collect_manyScrapes_neverSampleAgain() {
    AtomicInteger rounds = new AtomicInteger();
    SampledCollector collector =
        new SampledCollector(
            "test", () -> sample(rounds.incrementAndGet()), agentMetrics, throttle);
    collector.sampleNow();

    collector.collect();
    MetricSnapshots last = collector.collect();

    assertThat(rounds).hasValue(1);
    assertThat(Exposition.series(last, "test_rounds")).containsExactly("test_rounds 1.0");
  }

  @Test
  void sampleNow_samplerThrows_keepsThePreviousSampleAndCountsTheError() {
    AtomicInteger rounds = new AtomicInteger();
    SampledCollector collector =
        new SampledCollector(
            "test",
            () -> {
              if (rounds.incrementAndGet() > 1) {
                throw new IllegalStateException("defect in round two");
              }
              return sample(1);
            },
            agentMetrics,
            throttle);
    collector.sampleNow();

    collector.sampleNow();

    assertThat(Exposition.series(collector.collect(), "test_rounds"))
        .containsExactly("test_rounds 1.0");
    assertThat(Exposition.text(agentMetrics.prometheusRegistry().scrape()))
        .contains("dockwatch_collection_errors_total{collector=\"test\"} 1.0")
        .contains("dockwatch_collection_duration_seconds_count{collector=\"test\"} 2");
  }

  private static MetricSnapshots sample(int round) {
    Families out = new Families();
    out.add(ROUNDS, round);
    return out.build();
  }
}
