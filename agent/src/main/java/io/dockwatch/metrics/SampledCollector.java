package io.dockwatch.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Sampler} on the collector's schedule and serves the last sample it produced, so
 * that a scrape, however often it comes, never reads a file or waits for one. A round that fails
 * keeps the previous sample; the failure is counted and logged, rate-limited.
 */
final class SampledCollector implements MultiCollector {
  private static final Logger log = LoggerFactory.getLogger(SampledCollector.class);

  private final String name;
  private final Sampler sampler;
  private final AgentMetrics agentMetrics;
  private final LogThrottle throttle;
  private final AtomicReference<MetricSnapshots> last =
      new AtomicReference<>(new MetricSnapshots());

  SampledCollector(String name, Sampler sampler, AgentMetrics agentMetrics, LogThrottle throttle) {
    this.name = name;
    this.sampler = sampler;
    this.agentMetrics = agentMetrics;
    this.throttle = throttle;
    agentMetrics.declareCollector(name);
  }

  String name() {
    return name;
  }

  /** Takes one sample; called by the schedule, never by a scrape. */
  void sampleNow() {
    try {
      last.set(agentMetrics.timeCollection(name, sampler::sample));
    } catch (RuntimeException e) {
      if (throttle.allow("round:" + name)) {
        log.warn("Metrics collection failed; serving the previous sample, collector={}", name, e);
      }
    }
  }

  @Override
  public MetricSnapshots collect() {
    return last.get();
  }
}
