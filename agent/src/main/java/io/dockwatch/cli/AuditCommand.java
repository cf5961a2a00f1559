package io.dockwatch.cli;

import io.dockwatch.config.Config;
import io.dockwatch.config.ConfigException;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.EngineClient;
import io.dockwatch.policy.HostContext;
import io.dockwatch.policy.Policy;
import io.dockwatch.policy.Severity;
import io.dockwatch.policy.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One pass over the host: prints the findings and fails when any reaches a severity. */
@Command(name = "audit", description = "Check the host once and print the findings.")
final class AuditCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--fail-on",
      defaultValue = "high",
      description =
          "Exit 1 when an open finding is at or above this severity (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Override
  public Integer call() throws Exception {
    Config c;
    try {
      c = config.load();
    } catch (ConfigException e) {
      return ConfigOption.fail(e, System.err);
    }
    Severity threshold =
        Severity.parse(failOn)
            .orElseThrow(
                () -> new IllegalArgumentException("--fail-on: unknown severity " + failOn));
    Policy policy = new Policy(c);
    List<ContainerSnapshot> containers = new ArrayList<>();
    try (EngineClient client = Engines.connector(c.docker()).connect()) {
      for (String id : client.containerIds()) {
        client.inspect(id).ifPresent(containers::add);
      }
    }
    HostContext ctx = policy.context(Instant.now(), containers);
    boolean failed = false;
    for (ContainerSnapshot container : containers) {
      for (Verdict v : policy.check(container, ctx)) {
        boolean waived = v.waiver().isPresent();
        failed |= !waived && v.rule().severity().compareTo(threshold) >= 0;
        System.out.printf(
            "%-8s %-28s %-20s %s%s%n",
            v.rule().severity().label(),
            v.rule().id(),
            container.name(),
            v.violation().message(),
            waived ? " (waived)" : "");
      }
    }
    return failed ? 1 : 0;
  }
}
