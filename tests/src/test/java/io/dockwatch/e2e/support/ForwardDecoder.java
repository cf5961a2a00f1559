package io.dockwatch.e2e.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.Value;

/**
 * Reads one message of the fluentd forward protocol (v1) into its entries. The four modes are told
 * apart by the message's second element: an event time (Message), an array of entries (Forward), or
 * a byte string of packed entries (PackedForward, CompressedPackedForward when the option {@code
 * compressed} says gzip).
 */
final class ForwardDecoder {
  private ForwardDecoder() {}

  /**
   * The entries of one message, and the chunk id the sender wants acknowledged, if any.
   *
   * @param chunk the option {@code chunk}, present when the sender expects {@code {"ack": chunk}}
   */
  record ForwardMessage(List<ForwardEntry> entries, Optional<String> chunk) {
    ForwardMessage {
      entries = List.copyOf(entries);
    }
  }

  static ForwardMessage decode(Value message) {
    if (!message.isArrayValue() || message.asArrayValue().size() < 2) {
      throw new IllegalArgumentException("not a forward message: " + message);
    }
    ArrayValue parts = message.asArrayValue();
    String tag = MsgpackValues.text(parts.get(0));
    Value second = parts.get(1);
    if (second.isArrayValue()) {
      return new ForwardMessage(entries(tag, second.asArrayValue()), chunk(options(parts, 2)));
    }
    if (second.isRawValue()) {
      Map<String, Object> options = options(parts, 2);
      byte[] packed = second.asRawValue().asByteArray();
      boolean gzip = "gzip".equals(options.get("compressed"));
      return new ForwardMessage(packedEntries(tag, packed, gzip), chunk(options));
    }
    if (parts.size() < 3) {
      throw new IllegalArgumentException("a Message without its record: " + message);
    }
    ForwardEntry entry =
        new ForwardEntry(tag, eventTime(second), MsgpackValues.toMap(parts.get(2)));
    return new ForwardMessage(List.of(entry), chunk(options(parts, 3)));
  }

  /**
   * An event time: integer seconds, the EventTime extension (type 0: big-endian unsigned seconds
   * and nanoseconds), a msgpack timestamp, or fractional seconds as a float.
   */
  static Instant eventTime(Value time) {
    if (time.isIntegerValue()) {
      return Instant.ofEpochSecond(time.asIntegerValue().asLong());
    }
    if (time.isTimestampValue()) {
      return time.asTimestampValue().toInstant();
    }
    if (time.isExtensionValue() && time.asExtensionValue().getType() == 0) {
      ByteBuffer data = ByteBuffer.wrap(time.asExtensionValue().getData());
      if (data.remaining() == 8) {
        return Instant.ofEpochSecond(Integer.toUnsignedLong(data.getInt()), data.getInt());
      }
    }
    if (time.isFloatValue()) {
      double seconds = time.asFloatValue().toDouble();
      long whole = (long) Math.floor(seconds);
      return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    }
    throw new IllegalArgumentException("not an event time: " + time);
  }

  private static List<ForwardEntry> entries(String tag, ArrayValue list) {
    List<ForwardEntry> entries = new ArrayList<>(list.size());
    list.forEach(entry -> entries.add(entry(tag, entry)));
    return entries;
  }

  private static List<ForwardEntry> packedEntries(String tag, byte[] packed, boolean gzip) {
    List<ForwardEntry> entries = new ArrayList<>();
    try (InputStream raw = new ByteArrayInputStream(packed);
        InputStream in = gzip ? new GZIPInputStream(raw) : raw;
        MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(in)) {
      while (unpacker.hasNext()) {
        entries.add(entry(tag, unpacker.unpackValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read packed entries of tag " + tag, e);
    }
    return entries;
  }

  private static ForwardEntry entry(String tag, Value entry) {
    if (!entry.isArrayValue() || entry.asArrayValue().size() != 2) {
      throw new IllegalArgumentException("an entry is [time, record], not " + entry);
    }
    ArrayValue pair = entry.asArrayValue();
    return new ForwardEntry(tag, eventTime(pair.get(0)), MsgpackValues.toMap(pair.get(1)));
  }

  private static Map<String, Object> options(ArrayValue parts, int index) {
    if (parts.size() <= index || parts.get(index).isNilValue()) {
      return Map.of();
    }
    return MsgpackValues.toMap(parts.get(index));
  }

  private static Optional<String> chunk(Map<String, Object> options) {
    return Optional.ofNullable(options.get("chunk")).map(Object::toString);
  }
}
