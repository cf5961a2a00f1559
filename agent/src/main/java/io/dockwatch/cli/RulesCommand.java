package io.dockwatch.cli;

import io.dockwatch.policy.RuleCatalog;
import io.dockwatch.policy.RuleInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists the rule catalogue. */
@Command(name = "rules", description = "List every rule: id, severity, policy section, CIS number.")
final class RulesCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.out.printf(
        "%-34s %-9s %-10s %-24s %s%n", "RULE", "SEVERITY", "SUBJECT", "POLICY", "CIS");
    for (RuleInfo r : RuleCatalog.standard().all()) {
      System.out.printf(
          "%-34s %-9s %-10s %-24s %s%n    %s%n",
          r.id(),
          r.severity().label(),
          r.subject().name().toLowerCase(java.util.Locale.ROOT),
          r.policy(),
          r.cis().isEmpty() ? "-" : r.cis(),
          r.title());
    }
    return 0;
  }
}
