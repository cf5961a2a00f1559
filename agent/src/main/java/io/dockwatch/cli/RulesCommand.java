package io.dockwatch.cli;

import io.dockwatch.config.ConfigException;
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
    CisBenchmark benchmark = CisBenchmark.NEWEST;
    if (Files.exists(config.file)) {
      try {
        benchmark = config.load().rules().cisBenchmark();
      } catch (ConfigException e) {
        return ConfigOption.fail(e, System.err);
      }
    }
    RuleCatalog.standard().writeListing(benchmark, System.out);
    return 0;
  }
}
