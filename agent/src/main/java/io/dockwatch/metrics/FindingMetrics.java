package io.dockwatch.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The findings as gauges that alert rules can fire and resolve on: how many findings there are by
 * rule, severity and state, and per container one series for each open finding, naming the rule.
 * Computed at scrape time from the ledger's published list, which involves no I/O.
 */
public final class FindingMetrics implements MultiCollector {
  static final MetricFamily FINDINGS =
      MetricFamily.gauge("dockwatch_findings", "Findings by rule, severity and state.");
  static final MetricFamily CONTAINER_FINDING =
      MetricFamily.gauge(
          "dockwatch_container_finding",
          "An open finding about a container, always 1 while the finding is open.");

  static final String OPEN = "open";

  private final Supplier<List<FindingGauge>> findings;

  /**
   * @param findings the ledger's current findings; called on the scrape thread, so it must return
   *     an immutable list the ledger publishes, never walk the ledger's own state
   */
  public FindingMetrics(Supplier<List<FindingGauge>> findings) {
    this.findings = findings;
  }

  @Override
  public MetricSnapshots collect() {
    Map<Labels, Integer> counts = new TreeMap<>();
    Set<Labels> perContainer = new TreeSet<>();
    for (FindingGauge f : findings.get()) {
      counts.merge(
          Labels.of("rule", f.rule(), "severity", f.severity(), "state", f.state()),
          1,
          Integer::sum);
      if (OPEN.equals(f.state()) && !f.containerId().isEmpty()) {
        // Two findings of one rule on one container (two ports, say) are one series.
        perContainer.add(
            Labels.of(
                "id", ContainerLabels.id(f.containerId()),
                "name", f.containerName(),
                "rule", f.rule(),
                "severity", f.severity()));
      }
    }
    Families out = new Families();
    counts.forEach((labels, count) -> out.add(FINDINGS, labels, count));
    perContainer.forEach(labels -> out.add(CONTAINER_FINDING, labels, 1));
    return out.build();
  }
}
