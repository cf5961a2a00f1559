package io.dockwatch.sink;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads the frames of one segment file in order, from an offset up to a known end. */
final class SegmentReader implements Closeable {
  private final DataInputStream in;
  private final long end;
  private final int maxPayloadBytes;
  private long offset;

  private SegmentReader(DataInputStream in, long offset, long end, int maxPayloadBytes) {
    this.in = in;
    this.offset = offset;
    this.end = end;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** What the next read found. */
  sealed interface Next {}

  /** A whole frame whose checksum matches. */
  record Payload(byte[] bytes) implements Next {}

  /** The known end of the segment, reached exactly at a frame boundary. */
  record End() implements Next {}

  /** Bytes that do not form a whole, intact frame: a torn write or damaged storage. */
  record Damaged(String why) implements Next {}

  static SegmentReader open(Path file, long offset, long end, int maxPayloadBytes)
      throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      channel.position(offset);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 64 << 10));
    return new SegmentReader(in, offset, end, maxPayloadBytes);
  }

  /** The offset of the next frame; after {@link Damaged}, the offset of the damaged bytes. */
  long offset() {
    return offset;
  }

  Next next() throws IOException {
    long left = end - offset;
    if (left == 0) {
      return new End();
    }
    if (left < Frame.HEADER_BYTES) {
      return new Damaged("a frame header cut short");
    }
    try {
      int length = in.readInt();
      int checksum = in.readInt();
      if (length <= 0 || length > maxPayloadBytes) {
        return new Damaged("an implausible length of " + length + " bytes");
      }
      if (length > left - Frame.HEADER_BYTES) {
        return new Damaged("a record cut short");
      }
      byte[] payload = in.readNBytes(length);
      if (payload.length < length) {
        return new Damaged("a record cut short");
      }
      if (Frame.checksum(payload) != checksum) {
        return new Damaged("a checksum mismatch");
      }
      offset += Frame.framedSize(length);
      return new Payload(payload);
    } catch (EOFException e) {
      return new Damaged("a file shorter than expected");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
