package io.dockwatch.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Encodes a record as one entry of the fluentd forward protocol: a msgpack array of the event time
 * and the record's fields, with {@code record_id} added. The time is an EventTime (extension type
 * 0: seconds and nanoseconds), so that sub-second order survives. Entries concatenated form the
 * body of a PackedForward message.
 */
final class ForwardEncoder {
  static final String RECORD_ID = "record_id";
  private static final byte EVENT_TIME = 0;

  /** The entry for {@code record}, carrying {@code recordId} as its {@code record_id} field. */
  byte[] encode(OutboundRecord record, String recordId) {
    Map<String, Object> fields = PlainValues.plainMap(record.fields());
    fields.put(RECORD_ID, recordId);
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packArrayHeader(2);
      packEventTime(packer, record.time());
      packValue(packer, fields);
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("packing into memory cannot fail", e);
    }
  }

  private static void packEventTime(MessagePacker packer, Instant time) throws IOException {
    long seconds = time.getEpochSecond();
    if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("time outside the range of an EventTime: " + time);
    }
    ByteBuffer payload = ByteBuffer.allocate(8).putInt((int) seconds).putInt(time.getNano());
    packer.packExtensionTypeHeader(EVENT_TIME, 8);
    packer.writePayload(payload.array());
  }

  private static void packValue(MessagePacker packer, Object value) throws IOException {
    if (value == null) {
      packer.packNil();
    } else if (value instanceof String text) {
      packer.packString(text);
    } else if (value instanceof Boolean flag) {
      packer.packBoolean(flag);
    } else if (value instanceof Long number) {
      packer.packLong(number);
    } else if (value instanceof Double number) {
      packer.packDouble(number);
    } else if (value instanceof Map<?, ?> map) {
      packer.packMapHeader(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        packer.packString((String) entry.getKey());
        packValue(packer, entry.getValue());
      }
    } else if (value instanceof List<?> list) {
      packer.packArrayHeader(list.size());
      for (Object element : list) {
        packValue(packer, element);
      }
    } else {
      throw new IllegalStateException("not a plain value: " + value.getClass());
    }
  }
}
