package io.dockwatch.cli;

import io.dockwatch.config.ConfigException;
import io.dockwatch.config.RulesConfig;
import io.dockwatch.policy.CisBenchmark;
import io.dockwatch.policy.RuleCatalog;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Lists the rule catalogue, with CIS numbers in the benchmark version the configuration names (the
 * newest when there is no configuration file).
 */
@Command(name = "rules", description = "List every rule: id, severity, policy section, CIS number.")
final class RulesCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    if (!Files.exists(config.file)) {
      RuleCatalog.standard().writeListing(CisBenchmark.NEWEST, System.out);
      return 0;
    }
    RulesConfig rules;
    try {
      rules = config.load().rules();
    } catch (ConfigException e) {
      return ConfigOption.fail(e, System.err);
    }
    RuleCatalog.standard()
        .writeListing(rules.cisBenchmark(), rules.severity(), rules.disabled(), System.out);
    return 0;
  }
}
