package io.dockwatch.policy;

/**
 * A rule of the catalogue. The id is an interface: it appears in findings, metric labels,
 * exceptions and alert rules, so it never changes.
 *
 * @param policy the section of the "Docker in production" policy the rule enforces
 * @param cis the CIS Docker Benchmark v1.6.0 number, or empty
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
}
