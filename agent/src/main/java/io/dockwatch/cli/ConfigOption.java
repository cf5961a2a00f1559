package io.dockwatch.cli;

import io.dockwatch.config.Config;
import io.dockwatch.config.ConfigException;
import io.dockwatch.config.ConfigLoader;
import io.dockwatch.policy.RuleCatalog;
import io.dockwatch.tls.EngineTls;
import io.dockwatch.tls.TlsContexts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the commands, and loading it. */
final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      defaultValue = "/etc/dockwatch/dockwatch.toml",
      description = "Configuration file (default: ${DEFAULT-VALUE}).")
  Path file;

  /**
   * Loads the file and checks what only opening them can tell: that the TLS keys and certificates
   * it names are usable. Either step's problems make the whole load fail.
   */
  Config load() throws ConfigException {
    Config c = loader().load(file);
    List<String> problems = new ArrayList<>();
    try {
      EngineTls.sslConfig(c.docker());
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
    if (c.http().tlsCert() != null) {
      try {
        TlsContexts.server(c.http().tlsCert(), c.http().tlsKey());
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return c;
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
