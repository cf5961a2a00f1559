package io.dockwatch.policy;

import java.util.Locale;
import java.util.Optional;

/** How urgent a finding is, in rising order. MUST maps to high, SHOULD to medium. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The lower-case name used in findings, metrics and configuration. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> parse(String text) {
    for (Severity s : values()) {
      if (s.label().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
