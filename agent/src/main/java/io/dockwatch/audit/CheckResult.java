package io.dockwatch.audit;

import io.dockwatch.policy.Severity;
import io.dockwatch.policy.Subject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of an audit: one rule's verdict on one subject, or one violation of it when a rule fails
 * in several ways.
 *
 * @param subjectName the host name, or the container's name
 * @param detail what tells this violation apart from others of the rule; empty for a pass or note
 * @param message the violation's sentence, or the note of an {@code info} result
 * @param waiverReason why the finding is waived, empty unless {@code WAIVED}
 */
public record CheckResult(
    String rule,
    String title,
    Severity severity,
    String policy,
    String cis,
    Subject subject,
    String subjectName,
    String containerId,
    String image,
    Status status,
    String detail,
    String message,
    Map<String, Object> evidence,
    String remediation,
    String waiverReason,
    String waiverExpires) {

  public CheckResult {
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  /** The verdict. */
  public enum Status {
    /** The subject complies. */
    PASS,
    /** The subject breaks the rule. */
    FAIL,
    /** The subject breaks the rule, and an exception of the configuration covers it. */
    WAIVED,
    /**
     * Nothing to judge, or nothing that can be judged: the rule does not apply, or only informs.
     */
    INFO;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
