package io.dockwatch.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a batch of records across a spool's segments, from a position up to the lengths known to be
 * written. It needs no lock: segments only grow past those lengths, and only the reader's own
 * commits delete them.
 */
final class SpoolReader {
  private static final Logger log = LoggerFactory.getLogger(SpoolReader.class);

  private final String name;
  private final Path dir;
  private final int maxPayloadBytes;

  SpoolReader(String name, Path dir, int maxPayloadBytes) {
    this.name = name;
    this.dir = dir;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Reads up to {@code maxRecords} records and about {@code maxBytes} payload bytes (always one
   * record if any is waiting), starting at {@code from}.
   *
   * @param sizes the written length of each segment from {@code from.segment()} on
   */
  SpoolBatch read(SpoolPosition from, NavigableMap<Long, Long> sizes, int maxRecords, long maxBytes)
      throws IOException {
    Gathered gathered = new Gathered(maxRecords, maxBytes);
    SpoolPosition end = from;
    for (Map.Entry<Long, Long> segment : sizes.entrySet()) {
      if (gathered.full()) {
        break;
      }
      long id = segment.getKey();
      long offset = id == from.segment() ? from.offset() : 0;
      end = new SpoolPosition(id, readSegment(id, offset, segment.getValue(), gathered));
    }
    return new SpoolBatch(gathered.payloads, end);
  }

  /** Gathers records of one segment until full; returns the offset where reading stopped. */
  private long readSegment(long id, long offset, long size, Gathered gathered) throws IOException {
    if (offset >= size) {
      return offset;
    }
    Path file = SpoolRecovery.segmentFile(dir, id);
    try (SegmentReader reader = SegmentReader.open(file, offset, size, maxPayloadBytes)) {
      while (!gathered.full()) {
        SegmentReader.Next next = reader.next();
        if (next instanceof SegmentReader.Payload payload) {
          gathered.add(payload.bytes());
        } else if (next instanceof SegmentReader.Damaged damaged) {
          log.warn(
              "spool {}: {} has {} at offset {}, skipping the rest of it",
              name,
              file.getFileName(),
              damaged.why(),
              reader.offset());
          return size;
        } else {
          break;
        }
      }
      return reader.offset();
    }
  }

  /** Records read so far for one batch, and whether the batch has room for more. */
  private static final class Gathered {
    private final List<byte[]> payloads = new ArrayList<>();
    private final int maxRecords;
    private final long maxBytes;
    private long bytes;

    Gathered(int maxRecords, long maxBytes) {
      this.maxRecords = maxRecords;
      this.maxBytes = maxBytes;
    }

    void add(byte[] payload) {
      payloads.add(payload);
      bytes += payload.length;
    }

    boolean full() {
      return payloads.size() >= maxRecords || (!payloads.isEmpty() && bytes >= maxBytes);
    }
  }
}
