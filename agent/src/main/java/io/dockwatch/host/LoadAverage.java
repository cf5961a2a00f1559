package io.dockwatch.host;

import java.util.Optional;

/** The run queue averaged over 1, 5 and 15 minutes, from {@code /proc/loadavg}. */
public record LoadAverage(double one, double five, double fifteen) {

  static Optional<LoadAverage> parse(String text) {
    String[] f = Text.fields(text);
    if (f.length < 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new LoadAverage(
              Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
