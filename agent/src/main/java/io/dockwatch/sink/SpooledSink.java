package io.dockwatch.sink;

import java.util.function.BiFunction;

/**
 * What the fluentd and GELF sinks share once they are open: each record gets a fresh {@code
 * record_id}, is encoded for its peer and handed to the sink's {@link SpooledDelivery}; stats and
 * shutdown are the delivery's. The subclasses only build the spool, transport and encoder.
 */
abstract class SpooledSink implements RecordSink {
  private final String name;
  private final BiFunction<OutboundRecord, String, byte[]> encoder;
  private final RecordIds ids = RecordIds.random();
  private final SpooledDelivery delivery;

  SpooledSink(
      String name, BiFunction<OutboundRecord, String, byte[]> encoder, SpooledDelivery delivery) {
    this.name = name;
    this.encoder = encoder;
    this.delivery = delivery;
  }

  @Override
  public final void accept(OutboundRecord record) {
    delivery.offer(encoder.apply(record, ids.next()));
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final SinkStats stats() {
    return delivery.stats();
  }

  @Override
  public final void close(long timeoutMillis) {
    delivery.close(timeoutMillis);
  }
}
