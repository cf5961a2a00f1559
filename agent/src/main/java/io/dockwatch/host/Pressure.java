package io.dockwatch.host;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pressure stall information of one resource, from {@code /proc/pressure/<resource>}: the total
 * time in microseconds that some (at least one) or all non-idle tasks were stalled on it.
 *
 * @param fullMicros absent for the CPU on kernels before 5.13
 */
public record Pressure(long someMicros, OptionalLong fullMicros) {

  static Optional<Pressure> parse(String text) {
    OptionalLong some = OptionalLong.empty();
    OptionalLong full = OptionalLong.empty();
    for (String line : Text.lines(text)) {
      String[] f = Text.fields(line);
      for (String field : f) {
        if (field.startsWith("total=") && Text.isInteger(field.substring(6))) {
          long total = Long.parseLong(field.substring(6));
          if (f[0].equals("some")) {
            some = OptionalLong.of(total);
          } else if (f[0].equals("full")) {
            full = OptionalLong.of(total);
          }
        }
      }
    }
    return some.isPresent() ? Optional.of(new Pressure(some.getAsLong(), full)) : Optional.empty();
  }
}
