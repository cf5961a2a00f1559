package io.dockwatch.config;

import java.util.List;

/**
 * A configuration that cannot be used. Carries every problem found, so that an operator fixes them
 * all in one edit instead of one per restart.
 */
public final class ConfigException extends Exception {
  /** The exit status for a configuration error (sysexits.h EX_CONFIG). */
  public static final int EXIT_STATUS = 78;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
