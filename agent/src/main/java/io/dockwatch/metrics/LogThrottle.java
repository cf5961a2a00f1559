package io.dockwatch.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a recurring problem is worth another log line: the first time, then once per
 * quiet period, so that a cgroup unreadable every five seconds is one line and a metric.
 */
final class LogThrottle {
  /** Keys beyond this many are forgotten once they fall quiet, so that the map stays bounded. */
  private static final int MAX_KEYS = 1024;

  private final Clock clock;
  private final Duration quiet;
  private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

  LogThrottle(Clock clock, Duration quiet) {
    this.clock = clock;
    this.quiet = quiet;
  }

  boolean allow(String key) {
    Instant now = clock.instant();
    if (lastLogged.size() > MAX_KEYS) {
      lastLogged.values().removeIf(at -> at.plus(quiet).isBefore(now));
    }
    Instant last = lastLogged.get(key);
    if (last != null && now.isBefore(last.plus(quiet))) {
      return false;
    }
    lastLogged.put(key, now);
    return true;
  }
}
