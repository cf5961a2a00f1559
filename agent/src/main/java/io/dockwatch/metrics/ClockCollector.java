package io.dockwatch.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;

/**
 * The host's clock at the moment of the scrape, which a sample taken seconds earlier would get
 * wrong by that much: dashboards subtract it from the scrape's own timestamp to find clock skew.
 */
final class ClockCollector implements MultiCollector {
  static final MetricFamily TIME =
      MetricFamily.gauge("node_time_seconds", "The host's clock, in seconds since the epoch.");

  private final Clock clock;

  ClockCollector(Clock clock) {
    this.clock = clock;
  }

  @Override
  public MetricSnapshots collect() {
    Families out = new Families();
    out.add(TIME, clock.millis() / 1000.0);
    return out.build();
  }
}
