package io.dockwatch.policy;

import io.dockwatch.config.Waiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rule's verdict on one subject, as the configuration shapes it.
 *
 * @param rule the rule with the configured severity and the CIS number of the configured benchmark
 *     version
 * @param severityOverridden whether the operator set the rule's severity: it then holds for every
 *     violation, even those that would weigh more on their own
 * @param waiver the exception covering the subject for this rule, if one does
 */
public record RuleResult(
    RuleInfo rule, boolean severityOverridden, Outcome outcome, Optional<Waiver> waiver) {

  /**
   * The failures as verdicts, each violation with its own severity and CIS number if it has one.
   */
  public List<Verdict> verdicts() {
    List<Verdict> out = new ArrayList<>();
    for (Violation v : outcome.violations()) {
      out.add(new Verdict(ruleOf(v), v, waiver));
    }
    return out;
  }

  /** The rule as it applies to one violation. */
  public RuleInfo ruleOf(Violation v) {
    RuleInfo r = rule;
    if (v.severity().isPresent() && !severityOverridden) {
      r = r.withSeverity(v.severity().get());
    }
    if (v.cis().isPresent()) {
      r = r.withCis(v.cis().get());
    }
    return r;
  }
}
