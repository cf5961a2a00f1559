package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.gauge;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round over every part of every area of host metrics, each timed and judged as node_exporter
 * judges its collectors: a part that throws, or that the machine did not answer, reports success 0,
 * and the round goes on with the next. A part that throws is a defect or data no parser expected:
 * it is logged, rate-limited, and counted as a failed round of the host collector.
 */
final class HostSampler implements Sampler {
  static final MetricFamily SUCCESS =
      gauge(
          "node_scrape_collector_success",
          "Whether a collector of host metrics read all it reads in the last round (1) or not.");
  static final MetricFamily DURATION =
      gauge(
          "node_scrape_collector_duration_seconds",
          "Time a collector of host metrics took in the last round, in seconds.");

  private static final Logger log = LoggerFactory.getLogger(HostSampler.class);

  private final List<HostArea> areas;
  private final LongSupplier nanoTicker;
  private final AgentMetrics agentMetrics;
  private final LogThrottle throttle;

  /**
   * @param nanoTicker a monotonic clock in nanoseconds, the one that times whole rounds
   */
  HostSampler(
      List<HostArea> areas,
      LongSupplier nanoTicker,
      AgentMetrics agentMetrics,
      LogThrottle throttle) {
    this.areas = List.copyOf(areas);
    this.nanoTicker = nanoTicker;
    this.agentMetrics = agentMetrics;
    this.throttle = throttle;
  }

  @Override
  public Families sample() {
    Families out = new Families();
    boolean failed = false;
    for (HostArea area : areas) {
      for (HostArea.Part part : area.parts()) {
        long start = nanoTicker.getAsLong();
        boolean answered;
        try {
          answered = part.collect().into(out);
        } catch (RuntimeException e) {
          answered = false;
          failed = true;
          if (throttle.allow("host-part:" + part.collector())) {
            log.warn(
                "Host metrics collector failed; its families are left out, collector={}",
                part.collector(),
                e);
          }
        }
        double seconds = (nanoTicker.getAsLong() - start) / 1e9;
        Labels collector = Labels.of("collector", part.collector());
        out.add(SUCCESS, collector, answered ? 1 : 0);
        out.add(DURATION, collector, seconds);
      }
    }
    if (failed) {
      agentMetrics.collectionFailed(MetricsService.HOST_COLLECTOR);
    }
    return out;
  }
}
