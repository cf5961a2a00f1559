package io.dockwatch.cli;

import io.dockwatch.config.Config;
import io.dockwatch.config.ConfigException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Validates a configuration file without starting anything. */
@Command(
    name = "check-config",
    description = "Validate the configuration; print every problem with file, line and key.")
final class CheckConfigCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    try {
      Config c = config.load();
      System.out.println(
          config.file
              + ": ok (engine "
              + c.docker().host()
              + ", metrics on "
              + c.http().listen()
              + ", "
              + c.exceptions().size()
              + " exception(s))");
      return 0;
    } catch (ConfigException e) {
      return ConfigOption.fail(e, System.err);
    }
  }
}
