package io.dockwatch.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A place in a spool: a segment and a byte offset in it. Persisted as the committed read position,
 * 16 bytes and a CRC32C, replaced atomically by a rename so that a crash leaves the old or the new
 * position, never a mixture.
 */
record SpoolPosition(long segment, long offset) {
  private static final int STORED_BYTES = 20;

  SpoolPosition {
    if (segment < 0 || offset < 0) {
      throw new IllegalArgumentException("negative spool position " + segment + ":" + offset);
    }
  }

  /**
   * The position stored in {@code file}; empty when there is none, and a {@link
   * DamagedPositionException} when there is one that cannot be trusted.
   */
  static Optional<SpoolPosition> read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (bytes.length != STORED_BYTES) {
      throw new DamagedPositionException(file + " has " + bytes.length + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long segment = buffer.getLong();
    long offset = buffer.getLong();
    if (buffer.getInt() != checksum(bytes) || segment < 0 || offset < 0) {
      throw new DamagedPositionException(file + " fails its checksum");
    }
    return Optional.of(new SpoolPosition(segment, offset));
  }

  /**
   * Stores this position in {@code file}. Not forced to disk: after a power loss the previous
   * position may come back, which only resends records that were already delivered.
   */
  void write(Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(STORED_BYTES).putLong(segment).putLong(offset);
    buffer.putInt(checksum(buffer.array()));
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.write(next, buffer.array());
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static int checksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, 16);
    return (int) crc.getValue();
  }

  /** The stored position exists but cannot be trusted. */
  static final class DamagedPositionException extends IOException {
    DamagedPositionException(String message) {
      super(message);
    }
  }
}
