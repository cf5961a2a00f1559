package io.dockwatch.policy;

import io.dockwatch.hostfacts.DaemonConfig;
import java.util.Optional;

/**
 * A host rule on one boolean option of the daemon, set by flag or in {@code daemon.json}: it fails
 * unless the option's effective value (the daemon's default when unset) is the wanted one.
 */
final class DaemonOption implements HostRule {
  private final String ruleId;
  private final String option;
  private final boolean defaultValue;
  private final boolean wanted;
  private final String problem;

  /**
   * @param problem what is wrong when the rule fails, as the start of a sentence
   */
  DaemonOption(String ruleId, String option, boolean defaultValue, boolean wanted, String problem) {
    this.ruleId = ruleId;
    this.option = option;
    this.defaultValue = defaultValue;
    this.wanted = wanted;
    this.problem = problem;
  }

  @Override
  public RuleInfo info() {
    return RuleCatalog.standard().get(ruleId);
  }

  @Override
  public Outcome evaluate(HostContext host) {
    Optional<DaemonConfig> daemon = Facts.daemon(host);
    if (daemon.isEmpty()) {
      return Facts.daemonUnknown(host);
    }
    DaemonConfig d = daemon.get();
    boolean value = d.bool(option).orElse(defaultValue);
    if (value == wanted) {
      return Outcome.pass(option, value, "source", d.source(option));
    }
    return Outcome.fail(
        Violation.of(
            "",
            problem + " (" + option + "=" + value + ", from " + d.source(option) + ")",
            option,
            value,
            "source",
            d.source(option)));
  }
}
