package io.dockwatch.metrics;

import io.dockwatch.metrics.Renderer.Format;
import io.dockwatch.metrics.Renderer.Part;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The findings as gauges that alert rules can fire and resolve on: how many findings there are by
 * rule, severity and state, and per container one series for each open finding, naming the rule.
 * Rendered once for each list the ledger publishes: a scrape between two changes copies the last
 * rendering, which with thousands of open findings saves most of the scrape's work.
 */
final class FindingMetrics implements PreRendered {
  static final MetricFamily FINDINGS =
      MetricFamily.gauge("dockwatch_findings", "Findings by rule, severity and state.");
  static final MetricFamily CONTAINER_FINDING =
      MetricFamily.gauge(
          "dockwatch_container_finding",
          "An open finding about a container, always 1 while the finding is open.");

  static final String OPEN = "open";

  private final Supplier<List<FindingGauge>> findings;
  private final Renderer renderer;
  private final TextWriter writer = new TextWriter();
  private final AtomicReference<Rendering> last = new AtomicReference<>();

  /**
   * @param findings the ledger's current findings; called on the scrape thread, so it must return
   *     an immutable list the ledger publishes, never walk the ledger's own state
   */
  FindingMetrics(Supplier<List<FindingGauge>> findings, Renderer renderer) {
    this.findings = findings;
    this.renderer = renderer;
  }

  @Override
  public Part rendered(Format format) {
    List<FindingGauge> now = findings.get();
    Rendering r = last.get();
    if (r == null || r.findings != now) {
      r = new Rendering(now);
      last.set(r);
    }
    Part part = r.in(format);
    part.hold(); // never released for good: findings change seldom, their arrays are not pooled
    return part;
  }

  static Families families(List<FindingGauge> findings) {
    Map<Labels, Integer> counts = new TreeMap<>();
    Set<Labels> perContainer = new TreeSet<>();
    for (FindingGauge f : findings) {
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
    return out;
  }

  /** One published list and its renderings, made when a scrape first asks for a format. */
  private final class Rendering {
    private final List<FindingGauge> findings;
    private final Map<Format, Part> parts = new ConcurrentHashMap<>();

    Rendering(List<FindingGauge> findings) {
      this.findings = findings;
    }

    Part in(Format format) {
      return parts.computeIfAbsent(
          format, f -> renderer.part(families(findings), f, 0, writer, null));
    }
  }
}
