package io.dockwatch.cli;

import io.dockwatch.audit.Audit;
import io.dockwatch.audit.AuditReport;
import io.dockwatch.config.Config;
import io.dockwatch.config.ConfigException;
import io.dockwatch.docker.EngineClient;
import io.dockwatch.hostfacts.HostFactsReader;
import io.dockwatch.policy.Policy;
import io.dockwatch.policy.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One pass over the host, as a replacement for docker-bench-security: every check with its result,
 * passed ones included. Exit 0 when nothing open reaches {@code --fail-on}, 1 when something does,
 * 2 when the engine cannot be read, 78 for a bad configuration.
 */
@Command(name = "audit", description = "Check the host once and print every check's result.")
final class AuditCommand implements Callable<Integer> {
  /** The engine could not be read: the audit says nothing about the host. */
  static final int EXIT_ENGINE = 2;

  @Mixin ConfigOption config;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (grouped by severity and subject) or json (every check, for filing).")
  Format format;

  @Option(
      names = "--fail-on",
      defaultValue = "high",
      description =
          "Exit 1 when an open finding is at or above this severity: ${COMPLETION-CANDIDATES}.")
  String failOn;

  enum Format {
    text,
    json
  }

  @Override
  public Integer call() throws IOException {
    Config c;
    try {
      c = config.load();
    } catch (ConfigException e) {
      return ConfigOption.fail(e, System.err);
    }
    Severity threshold = Severity.parse(failOn).orElse(null);
    if (threshold == null) {
      System.err.println(
          "dockwatch: --fail-on: \""
              + failOn
              + "\" is not one of info, low, medium, high, critical");
      return EXIT_ENGINE;
    }
    Audit audit =
        new Audit(new Policy(c), HostFactsReader.of(c.agent().hostRoot()), Clock.systemUTC());
    AuditReport report;
    try (EngineClient engine = Engines.connector(c.docker()).connect()) {
      report = audit.run(engine);
    } catch (IOException e) {
      System.err.println(
          "dockwatch: cannot audit the engine at " + c.docker().host() + ": " + e.getMessage());
      return EXIT_ENGINE;
    } catch (ConfigException e) {
      return ConfigOption.fail(e, System.err);
    }
    PrintStream out = System.out;
    if (format == Format.json) {
      Audit.writeJson(report, out);
      out.println();
    } else {
      Audit.writeText(report, out);
    }
    out.flush();
    return report.failsAt(threshold) ? 1 : 0;
  }
}
