package io.dockwatch.sink;

import java.time.Duration;

/**
 * How long to wait before the next attempt after consecutive failures: {@code initial}, doubled
 * after each further failure, never more than {@code max}.
 */
record Backoff(Duration initial, Duration max) {
  /** From a quarter second up to half a minute: a restarted peer is found again quickly. */
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

  Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < initial <= max: " + initial + ", " + max);
    }
  }

  /** The wait after {@code failures} consecutive failed attempts, {@code failures >= 1}. */
  Duration delayAfter(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1: " + failures);
    }
    int doublings = Math.min(failures - 1, 62);
    long maxMillis = max.toMillis();
    long millis = initial.toMillis();
    for (int i = 0; i < doublings && millis < maxMillis; i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxMillis));
  }
}
