package io.dockwatch.sink;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids for records, written like UUIDs: 64 random bits drawn once per sink, then a counter. The
 * random half keeps ids apart across hosts and restarts, the counter orders them within a run, and
 * taking one costs an increment: no shared secure random on the caller's thread.
 */
final class RecordIds {
  private final long prefix;
  private final AtomicLong counter = new AtomicLong();

  RecordIds(long prefix) {
    this.prefix = prefix;
  }

  static RecordIds random() {
    return new RecordIds(new SecureRandom().nextLong());
  }

  String next() {
    return new UUID(prefix, counter.incrementAndGet()).toString();
  }
}
