package io.dockwatch.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One way a subject breaks a rule.
 *
 * @param detail what tells this violation apart from others of the same rule and subject (a port, a
 *     mount path); part of the fingerprint, so it must be stable and bounded
 * @param message one sentence an on-call engineer can act on
 * @param evidence the fields and values that decided it, by their engine name; never environment
 *     variables, command lines or whole configurations
 * @param severity a severity this violation carries instead of the rule's, for rules whose
 *     violations differ in weight (an exec as root weighs more than one as a user)
 * @param cis the CIS number this violation enforces when it is not the rule's, already in the
 *     numbering of the benchmark version audited against
 */
public record Violation(
    String detail,
    String message,
    Map<String, Object> evidence,
    Optional<Severity> severity,
    Optional<String> cis) {

  public Violation {
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  public Violation(String detail, String message, Map<String, Object> evidence) {
    this(detail, message, evidence, Optional.empty(), Optional.empty());
  }

  public static Violation of(String detail, String message, Object... keyValues) {
    return new Violation(detail, message, Evidence.of(keyValues));
  }

  public Violation withSeverity(Severity s) {
    return new Violation(detail, message, evidence, Optional.of(s), cis);
  }

  public Violation withCis(String number) {
    return new Violation(detail, message, evidence, severity, Optional.of(number));
  }
}
