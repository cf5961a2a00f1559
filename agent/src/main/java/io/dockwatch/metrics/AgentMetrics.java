package io.dockwatch.metrics;

import io.dockwatch.sink.SinkStats;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The agent's own meters, on a registry of this instance (never a global one). Safe to call from
 * any thread. Exposed as:
 *
 * <ul>
 *   <li>{@code dockwatch_build_info{version}} 1
 *   <li>{@code dockwatch_engine_connected} 1 while the engine's event stream is open, else 0
 *   <li>{@code dockwatch_events_received_total{type}}
 *   <li>{@code dockwatch_finding_delay_seconds} histogram, from an engine event to its evaluation
 *   <li>{@code dockwatch_findings_emitted_total{state}}
 *   <li>{@code dockwatch_delivery_backlog{sink}} and {@code
 *       dockwatch_delivery_failures_total{sink}}
 *   <li>{@code dockwatch_collection_duration_seconds{collector}} and {@code
 *       dockwatch_collection_errors_total{collector}}
 *   <li>{@code dockwatch_engine_stats_calls_total{outcome}} and {@code
 *       dockwatch_engine_stats_late_total}, the calls to the engine's stats endpoint for containers
 *       whose cgroup files cannot be read
 * </ul>
 */
public final class AgentMetrics {
  static final String BUILD_INFO = "dockwatch.build.info";
  static final String ENGINE_CONNECTED = "dockwatch.engine.connected";
  static final String EVENTS_RECEIVED = "dockwatch.events.received";
  static final String FINDING_DELAY = "dockwatch.finding.delay";
  static final String FINDINGS_EMITTED = "dockwatch.findings.emitted";
  static final String DELIVERY_BACKLOG = "dockwatch.delivery.backlog";
  static final String DELIVERY_FAILURES = "dockwatch.delivery.failures";
  static final String DELIVERY_BACKLOG_BYTES = "dockwatch.delivery.backlog.size";
  static final String DELIVERED = "dockwatch.delivered";
  static final String DELIVERY_DROPPED = "dockwatch.delivery.dropped";
  static final String COLLECTION_DURATION = "dockwatch.collection.duration";
  static final String COLLECTION_ERRORS = "dockwatch.collection.errors";
  static final String ENGINE_STATS_CALLS = "dockwatch.engine.stats.calls";
  static final String ENGINE_STATS_LATE = "dockwatch.engine.stats.late";

  /** How a call to the engine's stats endpoint ended. */
  public enum StatsOutcome {
    /** The engine gave the container's usage. */
    ANSWERED,
    /** The container is gone or no longer runs. */
    GONE,
    /** The engine could not be reached or answered with an error. */
    FAILED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Bucket bounds of the delay histogram: an inspect and an evaluation take milliseconds. */
  private static final Duration[] DELAY_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
  };

  private final PrometheusMeterRegistry registry;
  private final AtomicInteger engineConnected = new AtomicInteger();
  private final Map<String, AtomicLong> backlogs = new ConcurrentHashMap<>();
  private final Timer findingDelay;
  private final Counter engineStatsLate;

  /**
   * @param version the agent's version, as its jar's manifest states it
   * @param clock the time source of the timers; {@link Clock#SYSTEM} outside tests
   */
  public AgentMetrics(String version, Clock clock) {
    this.registry =
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
    Gauge.builder(BUILD_INFO, () -> 1)
        .description("The agent's version, always 1.")
        .tag("version", version)
        .register(registry);
    Gauge.builder(ENGINE_CONNECTED, engineConnected, AtomicInteger::get)
        .description("Whether the agent follows the engine's event stream now (1) or not (0).")
        .register(registry);
    this.findingDelay =
        Timer.builder(FINDING_DELAY)
            .description("Time from an engine event to the evaluation of its container.")
            .serviceLevelObjectives(DELAY_BUCKETS)
            .register(registry);
    for (StatsOutcome outcome : StatsOutcome.values()) {
      engineStatsCalls(outcome);
    }
    this.engineStatsLate =
        Counter.builder(ENGINE_STATS_LATE)
            .description(
                "Engine stats calls still under way when a collection round ended; their container"
                    + " kept its previous reading.")
            .register(registry);
  }

  public void engineConnected(boolean connected) {
    engineConnected.set(connected ? 1 : 0);
  }

  /** Counts one engine event of {@code type} (container, image, network, volume, daemon…). */
  public void eventReceived(String type) {
    Counter.builder(EVENTS_RECEIVED)
        .description("Engine events received, by the engine's event type.")
        .tag("type", type)
        .register(registry)
        .increment();
  }

  public void findingDelay(Duration delay) {
    findingDelay.record(delay);
  }

  /** Counts one finding transition written to the sinks, by its state (open, resolved…). */
  public void findingEmitted(String state) {
    Counter.builder(FINDINGS_EMITTED)
        .description("Finding transitions emitted, by the finding's new state.")
        .tag("state", state)
        .register(registry)
        .increment();
  }

  /** The records {@code sink} holds that its peer has not yet acknowledged. */
  public void deliveryBacklog(String sink, long records) {
    backlogs
        .computeIfAbsent(
            sink,
            s -> {
              AtomicLong value = new AtomicLong();
              Gauge.builder(DELIVERY_BACKLOG, value, AtomicLong::get)
                  .description("Records a sink holds that its peer has not acknowledged yet.")
                  .tag("sink", s)
                  .register(registry);
              return value;
            })
        .set(records);
  }

  public void deliveryFailed(String sink) {
    deliveryFailures(sink).increment();
  }

  /** Makes the collector's duration and error series exist from the start, at zero. */
  public void declareCollector(String collector) {
    collectionTimer(collector);
    collectionErrors(collector);
  }

  /**
   * Runs one collection round of {@code collector}, timing it; a round that throws is counted as an
   * error and the exception passed on.
   */
  public <T> T timeCollection(String collector, Supplier<T> round) {
    try {
      return collectionTimer(collector).record(round);
    } catch (RuntimeException e) {
      collectionErrors(collector).increment();
      throw e;
    }
  }

  /** Counts a collection that completed but could not read everything it should have. */
  public void collectionFailed(String collector) {
    collectionErrors(collector).increment();
  }

  /** Counts one call to the engine's stats endpoint by how it ended. */
  public void engineStatsCalled(StatsOutcome outcome) {
    engineStatsCalls(outcome).increment();
  }

  /** Counts calls to the engine's stats endpoint that a collection round could not wait for. */
  public void engineStatsLate(int calls) {
    engineStatsLate.increment(calls);
  }

  /**
   * Serves a sink's own counters, read at scrape time: what waits for the peer, what was delivered,
   * what a full buffer refused, and the failed attempts that will be retried.
   */
  public void watchSink(String sink, Supplier<SinkStats> stats) {
    Gauge.builder(DELIVERY_BACKLOG, () -> stats.get().backlogRecords())
        .description("Records a sink holds that its peer has not acknowledged yet.")
        .tag("sink", sink)
        .register(registry);
    Gauge.builder(DELIVERY_BACKLOG_BYTES, () -> stats.get().backlogBytes())
        .description("Bytes of a sink's on-disk buffer that wait for its peer.")
        .baseUnit("bytes")
        .tag("sink", sink)
        .register(registry);
    FunctionCounter.builder(DELIVERED, stats, s -> s.get().delivered())
        .description("Records a sink's peer acknowledged.")
        .tag("sink", sink)
        .register(registry);
    FunctionCounter.builder(DELIVERY_DROPPED, stats, s -> s.get().dropped())
        .description("Records a sink refused because its buffer was full or its disk failed.")
        .tag("sink", sink)
        .register(registry);
    FunctionCounter.builder(DELIVERY_FAILURES, stats, s -> s.get().failedAttempts())
        .description("Deliveries to a sink that failed and will be retried.")
        .tag("sink", sink)
        .register(registry);
  }

  /** The monotonic clock, in nanoseconds, that times collection rounds; for timing their parts. */
  LongSupplier nanoTicker() {
    Clock clock = registry.config().clock();
    return clock::monotonicTime;
  }

  /** The Prometheus registry the meters are exposed through. */
  PrometheusRegistry prometheusRegistry() {
    return registry.getPrometheusRegistry();
  }

  private Counter deliveryFailures(String sink) {
    return Counter.builder(DELIVERY_FAILURES)
        .description("Deliveries to a sink that failed and will be retried.")
        .tag("sink", sink)
        .register(registry);
  }

  private Timer collectionTimer(String collector) {
    return Timer.builder(COLLECTION_DURATION)
        .description("Time one round of a metrics collector took.")
        .tag("collector", collector)
        .register(registry);
  }

  private Counter engineStatsCalls(StatsOutcome outcome) {
    return Counter.builder(ENGINE_STATS_CALLS)
        .description("Calls to the engine's stats endpoint, by how they ended.")
        .tag("outcome", outcome.label())
        .register(registry);
  }

  private Counter collectionErrors(String collector) {
    return Counter.builder(COLLECTION_ERRORS)
        .description("Collection rounds that failed or could not read everything.")
        .tag("collector", collector)
        .register(registry);
  }
}
