package io.dockwatch.sink;

import io.dockwatch.config.SinkConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records straight to Graylog as GELF 1.1 over TCP, for sites without a fluentd in between, with
 * the same spool, retries and bound as {@link FluentdSink}.
 *
 * <p>GELF over TCP has no acknowledgement; see {@link GelfTransport} for what counts as delivered.
 * Each message carries {@code _record_id} (see {@link RecordIds}), given when the record is
 * spooled, so the copies of a batch sent again after a broken connection can be told apart from new
 * transitions.
 */
public final class GelfSink extends SpooledSink {
  static final String NAME = "gelf";
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final Duration CONFIRM_WINDOW = Duration.ofMillis(50);
  private static final Logger log = LoggerFactory.getLogger(GelfSink.class);

  private GelfSink(SpooledDelivery delivery) {
    super(NAME, new GelfEncoder()::encode, delivery);
  }

  /**
   * Opens the spool in {@code config.bufferDir()}, recovering what a previous run left there, and
   * starts delivering.
   *
   * @throws IOException when the spool directory cannot be created or read
   */
  public static GelfSink open(SinkConfig.Gelf config, Clock clock) throws IOException {
    return open(config, clock, Backoff.DEFAULT);
  }

  static GelfSink open(SinkConfig.Gelf config, Clock clock, Backoff backoff) throws IOException {
    Spool spool = Spool.open(NAME, config.bufferDir(), config.bufferMaxBytes());
    Transport transport = new GelfTransport(config.host(), config.port(), TIMEOUT, CONFIRM_WINDOW);
    SpooledDelivery delivery =
        new SpooledDelivery(
            NAME,
            spool,
            transport,
            backoff,
            clock,
            FluentdSink.BATCH_RECORDS,
            FluentdSink.BATCH_BYTES);
    delivery.start();
    log.info(
        "gelf: sending to {}, spool {} holds {} records",
        transport.peer(),
        config.bufferDir(),
        spool.backlogRecords());
    return new GelfSink(delivery);
  }
}
