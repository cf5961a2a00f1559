package io.dockwatch.findings;

import java.util.Locale;

/**
 * A change the outside world must hear of: a finding opened, waived, re-stated or resolved.
 *
 * @param finding the finding after the change
 * @param resolution for a resolved finding, why: {@code fixed} or {@code removed}; else empty
 */
public record Transition(Finding finding, Kind kind, String resolution) {

  /** What happened. */
  public enum Kind {
    OPENED,
    WAIVED,
    RESTATED,
    RESOLVED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
