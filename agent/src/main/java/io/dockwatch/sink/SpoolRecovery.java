package io.dockwatch.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back what a spool directory holds when the agent starts: the committed position, and every
 * segment checked frame by frame. A segment whose tail is torn (the agent or the machine died
 * mid-write) or damaged is cut back to its last whole frame, with a log line; what lies past such
 * damage cannot be framed again and is lost.
 */
final class SpoolRecovery {
  private static final Logger log = LoggerFactory.getLogger(SpoolRecovery.class);
  private static final String SUFFIX = ".seg";

  private SpoolRecovery() {}

  /**
   * The recovered state.
   *
   * @param segmentSizes the valid length in bytes of each segment still holding records, by id
   * @param committed the first record not yet delivered
   * @param backlogRecords how many records lie at or after {@code committed}
   * @param nextSegment the id for the next segment to be created, above every id ever used
   */
  record Recovered(
      NavigableMap<Long, Long> segmentSizes,
      SpoolPosition committed,
      long backlogRecords,
      long nextSegment) {}

  private record Scan(long validEnd, long records, long firstBoundary) {}

  static Path segmentFile(Path dir, long id) {
    return dir.resolve(String.format("%020d%s", id, SUFFIX));
  }

  static Recovered recover(String name, Path dir, Path positionFile, int maxPayloadBytes)
      throws IOException {
    SpoolPosition start = storedPosition(name, positionFile).orElse(new SpoolPosition(0, 0));
    List<Long> ids = segmentIds(dir);
    NavigableMap<Long, Long> sizes = new TreeMap<>();
    SpoolPosition committed = null;
    long backlog = 0;
    for (long id : ids) {
      Path file = segmentFile(dir, id);
      if (id < start.segment()) {
        // Delivered before the last stop; the agent died between commit and deletion.
        Files.deleteIfExists(file);
        continue;
      }
      long from = id == start.segment() ? start.offset() : 0;
      Scan scan = scan(name, file, from, maxPayloadBytes);
      if (scan.validEnd() == 0) {
        Files.delete(file);
        continue;
      }
      sizes.put(id, scan.validEnd());
      backlog += scan.records();
      if (committed == null) {
        committed = new SpoolPosition(id, scan.firstBoundary());
      }
    }
    long highest = Math.max(start.segment(), ids.isEmpty() ? 0 : ids.get(ids.size() - 1));
    long next = highest + 1;
    return new Recovered(
        sizes, committed != null ? committed : new SpoolPosition(next, 0), backlog, next);
  }

  private static Optional<SpoolPosition> storedPosition(String name, Path positionFile)
      throws IOException {
    try {
      return SpoolPosition.read(positionFile);
    } catch (SpoolPosition.DamagedPositionException e) {
      // Favour duplicates over losses: start again from the oldest record on disk.
      log.warn(
          "spool {}: committed position unusable ({}), resending every record on disk",
          name,
          e.getMessage());
      return Optional.empty();
    }
  }

  private static List<Long> segmentIds(Path dir) throws IOException {
    List<Long> ids = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : files) {
        String stem = file.getFileName().toString().replace(SUFFIX, "");
        try {
          ids.add(Long.parseLong(stem));
        } catch (NumberFormatException e) {
          log.warn("spool {}: ignoring unexpected file {}", dir, file.getFileName());
        }
      }
    }
    Collections.sort(ids);
    return ids;
  }

  private static Scan scan(String name, Path file, long from, int maxPayloadBytes)
      throws IOException {
    long size = Files.size(file);
    long records = 0;
    long firstBoundary = -1;
    long validEnd;
    String damage = null;
    try (SegmentReader reader = SegmentReader.open(file, 0, size, maxPayloadBytes)) {
      while (true) {
        long at = reader.offset();
        if (at >= from && firstBoundary < 0) {
          firstBoundary = at;
        }
        SegmentReader.Next next = reader.next();
        if (next instanceof SegmentReader.Payload) {
          records += at >= from ? 1 : 0;
          continue;
        }
        if (next instanceof SegmentReader.Damaged damaged) {
          damage = damaged.why();
        }
        validEnd = at;
        break;
      }
    }
    if (damage != null) {
      log.warn(
          "spool {}: {} has {} at offset {}, skipping the {} bytes from there",
          name,
          file.getFileName(),
          damage,
          validEnd,
          size - validEnd);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(validEnd);
      }
    }
    return new Scan(validEnd, records, firstBoundary < 0 ? validEnd : firstBoundary);
  }
}
