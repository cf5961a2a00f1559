package io.dockwatch.findings;

import java.util.Locale;

/** Where a finding stands. */
public enum FindingState {
  /** The cause is present. */
  OPEN,
  /** The cause is present but an exception of the host's configuration covers it. */
  WAIVED,
  /** The cause is gone, or its container was removed. */
  RESOLVED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
