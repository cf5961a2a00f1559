package io.dockwatch.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Lets one log line through per interval and counts the ones it holds back, so that a fault that
 * repeats on every scrape is reported once a minute instead of flooding the host's log.
 */
final class LogThrottle {
  private final Clock clock;
  private final Duration interval;
  private Instant last;
  private long held;

  LogThrottle(Clock clock, Duration interval) {
    this.clock = clock;
    this.interval = interval;
  }

  /**
   * Empty when this occurrence should stay quiet; otherwise how many occurrences were held back
   * since the last one logged.
   */
  synchronized OptionalLong permit() {
    Instant now = clock.instant();
    if (last != null && now.isBefore(last.plus(interval))) {
      held++;
      return OptionalLong.empty();
    }
    long skipped = held;
    last = now;
    held = 0;
    return OptionalLong.of(skipped);
  }
}
