package io.dockwatch.sink;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells when an outage of a peer starts and when it ends, so that each is logged once however many
 * attempts fail in between. Used by one thread.
 */
final class Outage {
  private Instant since;
  private long failedAttempts;

  /** The end of an outage: how long it lasted and how many attempts failed during it. */
  record Ended(Duration lasted, long failedAttempts) {}

  /** Notes a failed attempt; true when it starts an outage. */
  boolean failed(Instant now) {
    failedAttempts++;
    if (since != null) {
      return false;
    }
    since = now;
    return true;
  }

  /** Notes a successful attempt; the outage it ends, if there was one. */
  Optional<Ended> succeeded(Instant now) {
    if (since == null) {
      return Optional.empty();
    }
    Ended ended = new Ended(Duration.between(since, now), failedAttempts);
    since = null;
    failedAttempts = 0;
    return Optional.of(ended);
  }

  boolean ongoing() {
    return since != null;
  }
}
