package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dockwatch.host.EngineStats;
import io.dockwatch.testing.FakeEngine;
import io.dockwatch.testing.MutableClock;
import io.micrometer.core.instrument.MockClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineUsageTest {
  /** Long enough for calls that answer at once; a round returns as soon as they have. */
  private static final Duration PATIENT = Duration.ofSeconds(20);

  /** A round that does not wait for calls held back. */
  private static final Duration HASTY = Duration.ofMillis(20);

  private final FakeEngine engine = new FakeEngine();
  private final AgentMetrics agentMetrics = new AgentMetrics("test", new MockClock());
  private final LogThrottle throttle =
      new LogThrottle(new MutableClock(Instant.parse("2026-03-01T12:00:00Z")), Duration.ZERO);
  private EngineUsage usage;

  private EngineUsage usage(int concurrency, Duration budget) {
    usage = new EngineUsage(engine::connect, concurrency, budget, agentMetrics, throttle);
    return usage;
  }

  @AfterEach
  void close() {
    engine.stats().release();
    if (usage != null) {
      usage.close();
    }
  }

  private String meters() {
    return Exposition.text(agentMetrics.prometheusRegistry().scrape());
  }

  @Test
  void read_engineAnswers_givesEachContainersReading() {
    engine
        .stats()
        .answer("a", Fixtures.stats("v1-running"))
        .answer("b", Fixtures.stats("v1-network-none"));

    Map<String, EngineStats> readings = usage(4, PATIENT).read(List.of("a", "b"));

    assertThat(readings).containsOnlyKeys("a", "b");
    assertThat(readings.get("a").cgroup().memory().orElseThrow().usage()).isEqualTo(26738688);
    assertThat(meters())
        .contains("dockwatch_engine_stats_calls_total{outcome=\"answered\"} 2.0")
        .contains("dockwatch_engine_stats_late_total 0.0");
  }

  @Test
  void read_moreContainersThanCalls_runsNoMoreAtOnce() {
    List<String> ids = IntStream.range(0, 12).mapToObj(i -> "c" + i).toList();
    ids.forEach(id -> engine.stats().answer(id, Fixtures.stats("v1-running")));
    engine.stats().hold();
    CompletableFuture<Void> releaser =
        CompletableFuture.runAsync(
            () -> {
              try {
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.stats().underWay() >= 3);
              } finally {
                engine.stats().release();
              }
            });

    Map<String, EngineStats> readings = usage(3, PATIENT).read(ids);

    releaser.join();
    assertThat(readings).hasSize(12);
    assertThat(engine.stats().mostAtOnce()).isEqualTo(3);
    assertThat(engine.stats().calls()).isEqualTo(12);
  }

  @Test
  void read_callStillUnderWayAtTheEndOfTheRound_keepsThePreviousReadingAndCallsNoMore() {
    engine.stats().answer("a", Fixtures.stats("v1-running"));
    EngineUsage usage = usage(4, HASTY);
    awaitReading(usage, "a", 26738688);
    int callsBefore = engine.stats().calls();
    engine.stats().answer("a", Fixtures.stats("v1-network-none"));
    engine.stats().hold();

    Map<String, EngineStats> held = usage.read(List.of("a"));
    Map<String, EngineStats> stillHeld = usage.read(List.of("a"));
    int callsWhileHeld = engine.stats().calls() - callsBefore;
    engine.stats().release();
    Map<String, EngineStats> after = awaitReading(usage, "a", 323584);

    assertThat(held.get("a").cgroup().memory().orElseThrow().usage()).isEqualTo(26738688);
    assertThat(stillHeld.get("a").cgroup().memory().orElseThrow().usage()).isEqualTo(26738688);
    assertThat(callsWhileHeld).isLessThanOrEqualTo(1);
    assertThat(after.get("a").cgroup().memory().orElseThrow().usage()).isEqualTo(323584);
    assertThat(meters()).doesNotContain("dockwatch_engine_stats_late_total 0.0");
  }

  @Test
  void read_engineFails_leavesTheContainerOutAndCountsTheFailure() {
    engine.stats().answer("a", Fixtures.stats("v1-running")).fail("a");

    Map<String, EngineStats> readings = usage(2, PATIENT).read(List.of("a"));

    assertThat(readings).isEmpty();
    assertThat(meters()).contains("dockwatch_engine_stats_calls_total{outcome=\"failed\"} 1.0");
  }

  @Test
  void read_containerStoppedOrGone_leavesItOut() {
    engine.stats().answer("stopped", Fixtures.stats("v1-stopped"));

    Map<String, EngineStats> readings = usage(2, PATIENT).read(List.of("stopped", "gone"));

    assertThat(readings).isEmpty();
    assertThat(meters()).contains("dockwatch_engine_stats_calls_total{outcome=\"gone\"} 2.0");
  }

  @Test
  void read_noContainerNeedsTheEngine_neverConnects() {
    EngineUsage usage = usage(2, PATIENT);

    Map<String, EngineStats> readings = usage.read(List.of());

    assertThat(readings).isEmpty();
    assertThat(engine.connections()).isZero();
  }

  /** Reads until a round has the reading of {@code id} with that memory usage. */
  private static Map<String, EngineStats> awaitReading(
      EngineUsage usage, String id, long memoryUsage) {
    AtomicReference<Map<String, EngineStats>> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              last.set(usage.read(List.of(id)));
              EngineStats stats = last.get().get(id);
              return stats != null && stats.cgroup().memory().orElseThrow().usage() == memoryUsage;
            });
    return last.get();
  }
}
