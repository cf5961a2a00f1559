package io.dockwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dockwatch} command: wires the subcommands, nothing else. */
@Command(
    name = "dockwatch",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Watches a Docker host against the production policy and the CIS benchmark.",
    subcommands = {
      RunCommand.class,
      AuditCommand.class,
      CheckConfigCommand.class,
      RulesCommand.class
    })
public final class Main implements java.util.concurrent.Callable<Integer> {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExitCodeExceptionMapper(e -> 2);
    return cl;
  }

  /** Without a command: the usage, and the exit status of a usage error. */
  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return 2;
  }
}
