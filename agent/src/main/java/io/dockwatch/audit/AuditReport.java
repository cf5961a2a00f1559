package io.dockwatch.audit;

import io.dockwatch.audit.CheckResult.Status;
import io.dockwatch.policy.Severity;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one audit pass over a host: every check of every subject, passes included, so that
 * the report shows what was checked and not only what was found.
 *
 * @param benchmark the CIS Docker Benchmark version the CIS numbers are given in
 * @param skipped containers not judged, by name, with the reason (infrastructure, the agent)
 * @param problems parts of the host that could not be read, with the reason
 */
public record AuditReport(
    String host,
    Instant generatedAt,
    String engineVersion,
    String benchmark,
    List<CheckResult> checks,
    Map<String, String> skipped,
    Map<String, String> problems) {

  public AuditReport {
    checks = List.copyOf(checks);
    skipped = Map.copyOf(skipped);
    problems = Map.copyOf(problems);
  }

  /**
   * Whether any check failed (and is not waived) at {@code threshold} or above: the audit's exit
   * status for a pipeline.
   */
  public boolean failsAt(Severity threshold) {
    return checks.stream()
        .anyMatch(c -> c.status() == Status.FAIL && c.severity().compareTo(threshold) >= 0);
  }

  /** How many checks ended in each status. */
  public Map<Status, Long> counts() {
    Map<Status, Long> out = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      out.put(s, 0L);
    }
    checks.forEach(c -> out.merge(c.status(), 1L, Long::sum));
    return out;
  }
}
