package io.dockwatch.sink;

import java.io.Closeable;

/**
 * A destination for finding records. {@link #accept} never blocks on the peer: a sink that cannot
 * deliver now keeps the record (in memory or on disk, within its bound) and counts what it had to
 * drop.
 */
public interface RecordSink extends Closeable {

  /** Takes one record for delivery. Called from the agent's event loop: it must not block. */
  void accept(OutboundRecord record);

  /** A short name for logs and metric labels: {@code fluentd}, {@code gelf}, {@code stdout}. */
  String name();

  /** The sink's counters and gauges now; cheap enough to call on every scrape. */
  SinkStats stats();

  /**
   * Stops taking records and delivers what is pending within {@code timeoutMillis}; a durable sink
   * leaves the rest on disk for the next start.
   */
  void close(long timeoutMillis);

  @Override
  default void close() {
    close(5_000);
  }
}
