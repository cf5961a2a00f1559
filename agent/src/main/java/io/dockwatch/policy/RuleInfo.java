package io.dockwatch.policy;

/**
 * A rule of the catalogue. The id is an interface: it appears in findings, metric labels,
 * exceptions and alert rules, so it never changes.
 *
 * @param policy the section of the "Docker in production" policy the rule enforces
 * @param cis the CIS Docker Benchmark number, or empty; several separated by commas. The catalogue
 *     holds v1.6.0 numbers; {@link Policy} renumbers them for the configured benchmark version
 * @param title one line: what is wrong when the rule fires
 * @param remediation what to change, in {@code docker run} and compose terms
 */
public record RuleInfo(
    String id,
    Severity severity,
    Subject subject,
    String policy,
    String cis,
    String title,
    String remediation) {

  /** The same rule with the severity the operator configured. */
  public RuleInfo withSeverity(Severity s) {
    return new RuleInfo(id, s, subject, policy, cis, title, remediation);
  }

  /** The same rule with the CIS number of another benchmark version. */
  public RuleInfo withCis(String number) {
    return new RuleInfo(id, severity, subject, policy, number, title, remediation);
  }
}
