package io.dockwatch.sink;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one spooled record: a 4-byte length, a 4-byte CRC32C of the payload, then the
 * payload. The checksum is what lets a reader tell a record cut short by a crash, or a sector gone
 * bad, from a whole one.
 */
final class Frame {
  static final int HEADER_BYTES = 8;

  private Frame() {}

  /** The whole frame for {@code payload}, ready to be written in one call. */
  static ByteBuffer encode(byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    frame.putInt(payload.length).putInt(checksum(payload)).put(payload).flip();
    return frame;
  }

  static int checksum(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  static long framedSize(int payloadLength) {
    return HEADER_BYTES + (long) payloadLength;
  }
}
