package io.dockwatch.sink;

import io.dockwatch.config.SinkConfig;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records to fluentd over the forward protocol, at least once.
 *
 * <p>{@link #accept} encodes the record as a forward entry with a fresh {@code record_id} (see
 * {@link RecordIds}) and hands it to the on-disk {@link Spool} through a {@link SpoolWriter}, then
 * returns; a thread of the sink sends batches in PackedForward form and waits for fluentd's ack of
 * each before the batch leaves the spool. While fluentd is away, records wait on disk, across
 * restarts of the agent too, up to the configured bound. A batch whose ack never came is sent
 * again, so fluentd may see a record twice: the same {@code record_id} tells the copies apart from
 * a new transition.
 */
public final class FluentdSink extends SpooledSink {
  static final String NAME = "fluentd";
  static final int BATCH_RECORDS = 500;
  static final long BATCH_BYTES = 1 << 20;
  private static final Logger log = LoggerFactory.getLogger(FluentdSink.class);

  private FluentdSink(SpooledDelivery delivery) {
    super(NAME, new ForwardEncoder()::encode, delivery);
  }

  /**
   * Opens the spool in {@code config.bufferDir()}, recovering what a previous run left there, and
   * starts delivering.
   *
   * @throws IOException when the spool directory cannot be created or read
   */
  public static FluentdSink open(SinkConfig.Fluentd config, Clock clock) throws IOException {
    return open(config, clock, Backoff.DEFAULT);
  }

  static FluentdSink open(SinkConfig.Fluentd config, Clock clock, Backoff backoff)
      throws IOException {
    Spool spool = Spool.open(NAME, config.bufferDir(), config.bufferMaxBytes());
    Transport transport =
        new ForwardTransport(config.host(), config.port(), config.tag(), config.timeout());
    SpooledDelivery delivery =
        new SpooledDelivery(NAME, spool, transport, backoff, clock, BATCH_RECORDS, BATCH_BYTES);
    delivery.start();
    log.info(
        "fluentd: forwarding to {} with tag {}, spool {} holds {} records",
        transport.peer(),
        config.tag(),
        config.bufferDir(),
        spool.backlogRecords());
    return new FluentdSink(delivery);
  }
}
