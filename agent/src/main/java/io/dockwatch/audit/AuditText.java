package io.dockwatch.audit;

import io.dockwatch.audit.CheckResult.Status;
import io.dockwatch.policy.Severity;
import io.dockwatch.policy.Subject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit report for a reader: failures by severity (worst first) and, within one severity, by
 * subject (the host first); then waived findings, then the count of each verdict per subject.
 */
final class AuditText {
  private AuditText() {}

  static void write(AuditReport r, PrintStream out) {
    out.printf(
        "dockwatch audit of %s at %s (engine %s, CIS Docker Benchmark %s)%n",
        r.host(),
        r.generatedAt(),
        r.engineVersion().isEmpty() ? "?" : r.engineVersion(),
        r.benchmark());
    List<Severity> worstFirst = new ArrayList<>(List.of(Severity.values()));
    Collections.reverse(worstFirst);
    for (Severity s : worstFirst) {
      Map<String, List<CheckResult>> bySubject = bySubject(r, Status.FAIL, s);
      if (bySubject.isEmpty()) {
        continue;
      }
      out.printf("%n%s%n", s.label().toUpperCase(Locale.ROOT));
      bySubject.forEach(
          (subject, checks) -> {
            out.printf("  %s%n", subject);
            for (CheckResult c : checks) {
              out.printf("    %-28s %s%s%n", c.rule(), c.message(), cis(c));
              out.printf("    %-28s fix: %s%n", "", c.remediation());
            }
          });
    }
    List<CheckResult> waived =
        r.checks().stream().filter(c -> c.status() == Status.WAIVED).toList();
    if (!waived.isEmpty()) {
      out.printf("%nWAIVED%n");
      for (CheckResult c : waived) {
        out.printf(
            "  %s: %-28s %s (%s%s)%n",
            label(c),
            c.rule(),
            c.message(),
            c.waiverReason(),
            c.waiverExpires().isEmpty() ? "" : ", until " + c.waiverExpires());
      }
    }
    Map<String, Map<Status, Long>> summary = summary(r);
    int width = summary.keySet().stream().mapToInt(String::length).max().orElse(7);
    String row = "  %-" + width + "s %6s %6s %6s %6s%n";
    out.printf("%nSUMMARY%n" + row, "subject", "pass", "fail", "waived", "info");
    summary.forEach(
        (subject, counts) ->
            out.printf(
                row,
                subject,
                counts.get(Status.PASS),
                counts.get(Status.FAIL),
                counts.get(Status.WAIVED),
                counts.get(Status.INFO)));
    r.skipped()
        .forEach((name, why) -> out.printf("  %-" + width + "s not judged: %s%n", name, why));
    if (!r.problems().isEmpty()) {
      out.printf("%nNOT READ%n");
      r.problems().forEach((part, why) -> out.printf("  %s: %s%n", part, why));
    }
  }

  private static Map<String, List<CheckResult>> bySubject(
      AuditReport r, Status status, Severity s) {
    Map<String, List<CheckResult>> out = new LinkedHashMap<>();
    for (CheckResult c : ordered(r)) {
      if (c.status() == status && c.severity() == s) {
        out.computeIfAbsent(label(c), k -> new ArrayList<>()).add(c);
      }
    }
    return out;
  }

  private static Map<String, Map<Status, Long>> summary(AuditReport r) {
    Map<String, Map<Status, Long>> out = new LinkedHashMap<>();
    for (CheckResult c : ordered(r)) {
      Map<Status, Long> counts =
          out.computeIfAbsent(
              label(c),
              k -> {
                Map<Status, Long> m = new EnumMap<>(Status.class);
                for (Status st : Status.values()) {
                  m.put(st, 0L);
                }
                return m;
              });
      counts.merge(c.status(), 1L, Long::sum);
    }
    return out;
  }

  /** Host checks first, then containers in the report's order. */
  private static List<CheckResult> ordered(AuditReport r) {
    List<CheckResult> out = new ArrayList<>();
    r.checks().stream().filter(c -> c.subject() == Subject.HOST).forEach(out::add);
    r.checks().stream().filter(c -> c.subject() != Subject.HOST).forEach(out::add);
    return out;
  }

  private static String label(CheckResult c) {
    return c.subject() == Subject.HOST
        ? "host " + c.subjectName()
        : "container " + c.subjectName() + " (" + c.image() + ")";
  }

  private static String cis(CheckResult c) {
    return c.cis().isEmpty() ? "" : " [CIS " + c.cis() + "]";
  }
}
