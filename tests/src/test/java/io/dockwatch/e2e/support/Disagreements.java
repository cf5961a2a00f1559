package io.dockwatch.e2e.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a conformance table and the agent disagree, one line per subject and rule, so that a failed
 * run names every disagreement at once instead of the first.
 */
public final class Disagreements {
  private Disagreements() {}

  /**
   * Compares the table with an audit report.
   *
   * @param table subject to rule to verdict
   * @param everyRule whether the table must name every rule the report judged each subject by, or
   *     only some of them (those that are deterministic, for the host)
   */
  public static List<String> withAudit(
      Map<String, Map<String, Verdict>> table, AuditVerdicts audit, boolean everyRule) {
    List<String> out = new ArrayList<>();
    table.forEach(
        (subject, expected) -> {
          Map<String, Verdict> seen = audit.of(subject);
          if (seen.isEmpty()) {
            out.add(subject + ": not in the audit report");
            return;
          }
          Set<String> rules = new LinkedHashSet<>(expected.keySet());
          if (everyRule) {
            rules.addAll(seen.keySet());
          }
          for (String rule : rules) {
            Verdict want = expected.get(rule);
            Verdict got = seen.get(rule);
            if (want == null) {
              out.add(
                  subject + " " + rule + ": not in the table; the audit says " + got.shownAs(got));
            } else if (got == null) {
              out.add(subject + " " + rule + ": " + want + " expected; not in the audit");
            } else if (!got.shownAs(want).equals(want.shownAs(want))) {
              out.add(
                  subject
                      + " "
                      + rule
                      + ": "
                      + want
                      + " expected; the audit says "
                      + got.shownAs(want));
            }
          }
        });
    return out;
  }

  /**
   * Compares the table with the findings a running agent holds open: as many open findings as the
   * table counts violations for each rule it names, and none where it says pass or info.
   */
  public static List<String> withDaemon(
      Map<String, Map<String, Verdict>> table, OpenFindings open) {
    List<String> out = new ArrayList<>();
    table.forEach(
        (subject, expected) -> {
          Map<String, Integer> counts = open.counts(subject);
          expected.forEach(
              (rule, want) -> {
                int got = counts.getOrDefault(rule, 0);
                if (got != want.failures()) {
                  out.add(
                      subject
                          + " "
                          + rule
                          + ": "
                          + want
                          + " expected, so "
                          + want.failures()
                          + " open; the agent holds "
                          + got
                          + " open");
                }
              });
        });
    return out;
  }
}
