package io.dockwatch.runtime;

import java.time.Duration;

/** Capped exponential backoff: 0.5 s, 1 s, 2 s, ... up to the cap; reset on success. */
final class Backoff {
  private final Duration first;
  private final Duration cap;
  private int failures;

  Backoff(Duration first, Duration cap) {
    this.first = first;
    this.cap = cap;
  }

  Duration next() {
    long millis = first.toMillis() << Math.min(failures, 20);
    failures++;
    return Duration.ofMillis(Math.min(millis, cap.toMillis()));
  }

  void reset() {
    failures = 0;
  }

  int failures() {
    return failures;
  }
}
