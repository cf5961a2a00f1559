package io.dockwatch.cli;

import io.dockwatch.config.Config;
import io.dockwatch.config.ConfigException;
import io.dockwatch.config.ConfigLoader;
import io.dockwatch.policy.RuleCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the commands, and loading it. */
final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      defaultValue = "/etc/dockwatch/dockwatch.toml",
      description = "Configuration file (default: ${DEFAULT-VALUE}).")
  Path file;

  Config load() throws ConfigException {
    return loader().load(file);
  }

  static ConfigLoader loader() {
    return new ConfigLoader(RuleCatalog.standard().ids(), hostname());
  }

  /** Prints every problem, one per line, as the operator will fix them. */
  static int fail(ConfigException e, PrintStream err) {
    err.println("dockwatch: configuration is not valid:");
    for (String p : e.problems()) {
      err.println("  " + p);
    }
    return ConfigException.EXIT_STATUS;
  }

  /** The kernel's host name, which is what operators see in their prompts and inventories. */
  static String hostname() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException e) {
      // Not Linux, or /proc is hidden: fall back to the JDK's view below.
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
