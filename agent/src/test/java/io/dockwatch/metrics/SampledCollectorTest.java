package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.testing.MutableClock;
import io.micrometer.core.instrument.MockClock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SampledCollectorTest {
  private static final MetricFamily ROUNDS =
      MetricFamily.gauge("test_rounds", "Rounds the sampler has taken.");

  private final Renderer renderer = new Renderer();
  private final AgentMetrics agentMetrics = new AgentMetrics("test", new MockClock());
  private final LogThrottle throttle =
      new LogThrottle(new MutableClock(Instant.EPOCH), Duration.ofMinutes(10));

  @Test
  void collect_manyScrapes_neverSampleAgain() {
    AtomicInteger rounds = new AtomicInteger();
    SampledCollector collector =
        new SampledCollector(
            "test", () -> sample(rounds.incrementAndGet()), renderer, agentMetrics, throttle);
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
            renderer,
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

  @Test
  void rendered_eachFormat_isTheWritersTextWithoutOpenMetricsEof() {
    SampledCollector collector =
        new SampledCollector("test", () -> sample(7), renderer, agentMetrics, throttle);
    collector.sampleNow();

    String text = collector.rendered(Renderer.Format.TEXT).toString();
    String openMetrics = collector.rendered(Renderer.Format.OPEN_METRICS).toString();

    assertThat(text)
        .isEqualTo(
            """
            # HELP test_rounds Rounds the sampler has taken.
            # TYPE test_rounds gauge
            test_rounds 7.0
            """);
    assertThat(openMetrics)
        .isEqualTo(
            """
            # TYPE test_rounds gauge
            # HELP test_rounds Rounds the sampler has taken.
            test_rounds 7.0
            """);
  }

  @Test
  void rendered_formatAskedBefore_isRenderedWithEachNewSample() {
    AtomicInteger rounds = new AtomicInteger();
    SampledCollector collector =
        new SampledCollector(
            "test", () -> sample(rounds.incrementAndGet()), renderer, agentMetrics, throttle);
    collector.sampleNow();
    collector.rendered(Renderer.Format.TEXT);

    collector.sampleNow();

    assertThat(collector.rendered(Renderer.Format.TEXT).toString()).endsWith("test_rounds 2.0\n");
  }

  @Test
  void rendered_partHeldByASlowScrape_staysIntactWhileNewerSamplesAreRendered() {
    AtomicInteger rounds = new AtomicInteger();
    SampledCollector collector =
        new SampledCollector(
            "test", () -> sample(rounds.incrementAndGet()), renderer, agentMetrics, throttle);
    collector.sampleNow();
    Renderer.Part held = collector.rendered(Renderer.Format.TEXT);

    for (int i = 0; i < 5; i++) {
      collector.sampleNow();
      collector.rendered(Renderer.Format.TEXT).release();
    }

    assertThat(held.toString()).endsWith("test_rounds 1.0\n");
    held.release();
    assertThat(held.hold()).isFalse();
  }

  @Test
  void rendered_partReleasedByAllHolders_itsArrayIsReusedByALaterRound() {
    AtomicInteger rounds = new AtomicInteger();
    SampledCollector collector =
        new SampledCollector(
            "test", () -> sample(rounds.incrementAndGet()), renderer, agentMetrics, throttle);
    collector.sampleNow();
    Renderer.Part first = collector.rendered(Renderer.Format.TEXT);
    first.release();

    collector.sampleNow();
    collector.sampleNow();
    Renderer.Part third = collector.rendered(Renderer.Format.TEXT);

    assertThat(third.sharesArrayWith(first)).isTrue();
    assertThat(third.toString()).endsWith("test_rounds 3.0\n");
  }

  private static Families sample(int round) {
    Families out = new Families();
    out.add(ROUNDS, round);
    return out;
  }
}
