package io.dockwatch.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/** Packs forward-protocol messages by hand, and sends them as a plain client, for tests. */
final class ForwardSender implements AutoCloseable {
  private final Socket socket;
  private final MessageUnpacker replies;

  ForwardSender(int port) throws IOException {
    this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
    this.replies = MessagePack.newDefaultUnpacker(socket.getInputStream());
  }

  void send(byte[] message) throws IOException {
    socket.getOutputStream().write(message);
    socket.getOutputStream().flush();
  }

  /** The next reply, such as {@code {"ack": "c1"}}. */
  Value reply() throws IOException {
    return replies.unpackValue();
  }

  /** The next byte from the receiver: -1 when it has closed the connection. */
  int read() throws IOException {
    InputStream in = socket.getInputStream();
    return in.read();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** {@code [tag, time, record, options?]} with integer seconds. */
  static byte[] message(String tag, long seconds, Map<String, String> record, String chunk)
      throws IOException {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packArrayHeader(chunk == null ? 3 : 4).packString(tag).packLong(seconds);
      map(packer, record);
      if (chunk != null) {
        map(packer, Map.of("chunk", chunk));
      }
      return packer.toByteArray();
    }
  }

  /** {@code [tag, EventTime, record]}. */
  static byte[] messageWithEventTime(String tag, Instant time, Map<String, String> record)
      throws IOException {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packArrayHeader(3).packString(tag);
      eventTime(packer, time);
      map(packer, record);
      return packer.toByteArray();
    }
  }

  /** {@code [tag, [[time, record]...], {"chunk": chunk}]}. */
  static byte[] forward(String tag, Instant time, String chunk, List<Map<String, String>> records)
      throws IOException {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packArrayHeader(3).packString(tag).packArrayHeader(records.size());
      for (Map<String, String> record : records) {
        packer.packArrayHeader(2);
        eventTime(packer, time);
        map(packer, record);
      }
      map(packer, Map.of("chunk", chunk));
      return packer.toByteArray();
    }
  }

  /** {@code [tag, bin(entries), {"chunk": chunk, "compressed"?: "gzip"}]}. */
  static byte[] packedForward(
      String tag, long seconds, boolean gzip, String chunk, List<Map<String, String>> records)
      throws IOException {
    byte[] entries;
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      for (Map<String, String> record : records) {
        packer.packArrayHeader(2).packLong(seconds);
        map(packer, record);
      }
      entries = packer.toByteArray();
    }
    byte[] payload = gzip ? gzip(entries) : entries;
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packArrayHeader(3).packString(tag).packBinaryHeader(payload.length);
      packer.writePayload(payload);
      map(packer, gzip ? Map.of("chunk", chunk, "compressed", "gzip") : Map.of("chunk", chunk));
      return packer.toByteArray();
    }
  }

  private static void eventTime(MessagePacker packer, Instant time) throws IOException {
    byte[] data =
        ByteBuffer.allocate(8).putInt((int) time.getEpochSecond()).putInt(time.getNano()).array();
    packer.packExtensionTypeHeader((byte) 0, 8).writePayload(data);
  }

  private static void map(MessagePacker packer, Map<String, String> map) throws IOException {
    packer.packMapHeader(map.size());
    for (Map.Entry<String, String> field : map.entrySet()) {
      packer.packString(field.getKey()).packString(field.getValue());
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(data);
    }
    return out.toByteArray();
  }
}
