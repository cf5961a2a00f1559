package io.dockwatch.sink;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded first-in first-out queue of opaque records on disk, with one writer and one reader.
 *
 * <p>The directory holds append-only segment files, each a run of {@link Frame frames}, and a
 * {@code position} file with the committed read position. A record leaves the spool only when the
 * reader {@link #commit commits} past it, after its peer acknowledged it; what was read but not
 * committed when the agent stopped is read again after a restart (at-least-once).
 *
 * <p>Durability: {@link #append} has written the frame to its file when it returns, so a record
 * survives the agent being killed from then on. {@link #sync} forces what was written to stable
 * storage; its owner calls it on a schedule, off the thread that offers records.
 *
 * <p>Bound: the segment files together never exceed {@code maxBytes}. An append that would pass it
 * is refused and counted, and each episode of refusals is logged once when it starts and once when
 * it ends. Delivered segments are deleted at each commit, before the position is stored, so that a
 * full disk frees up as soon as the peer takes records again.
 */
final class Spool implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(Spool.class);
  private static final int MAX_PAYLOAD_BYTES = 1 << 20;

  private final String name;
  private final Path dir;
  private final SpoolPositionStore positionStore;
  private final long maxBytes;
  private final long segmentBytes;
  private final int maxPayloadBytes;
  private final SpoolSync sync;
  private final SpoolReader reader;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong refused = new AtomicLong();
  // Guarded by lock: valid length of each live segment, the last one being the one appended to.
  private final NavigableMap<Long, Long> segmentSizes;
  // Guarded by lock: length of each delivered segment whose file is still to be deleted.
  private final NavigableMap<Long, Long> undeleted = new TreeMap<>();
  private SpoolPosition committed;
  private long backlogRecords;
  private long diskBytes;
  private FileChannel current;
  private long refusedInEpisode;
  private boolean closed;
  private boolean deleteFailing; // touched by the reader only

  private Spool(
      String name,
      Path dir,
      long maxBytes,
      SpoolRecovery.Recovered recovered,
      SpoolPositionStore positionStore)
      throws IOException {
    this.name = name;
    this.dir = dir;
    this.positionStore = positionStore;
    this.maxBytes = maxBytes;
    // Sixteen segments to the bound keep the consumed head of the oldest one a small overhead.
    this.segmentBytes = Math.max(4096, Math.min(maxBytes / 16, 8L << 20));
    this.maxPayloadBytes = (int) Math.min(MAX_PAYLOAD_BYTES, maxBytes - Frame.HEADER_BYTES);
    this.segmentSizes = new TreeMap<>(recovered.segmentSizes());
    this.committed = recovered.committed();
    this.backlogRecords = recovered.backlogRecords();
    this.diskBytes = segmentSizes.values().stream().mapToLong(Long::longValue).sum();
    this.sync = new SpoolSync(name, dir);
    this.reader = new SpoolReader(name, dir, maxPayloadBytes);
    this.current = createSegment(recovered.nextSegment());
  }

  /**
   * Opens the spool in {@code dir}, creating it if needed and recovering what a previous run left.
   *
   * @param name a short name for logs
   * @param maxBytes the bound on the bytes of all segment files together
   */
  static Spool open(String name, Path dir, long maxBytes) throws IOException {
    return open(name, dir, maxBytes, SpoolPosition::write);
  }

  /**
   * As {@link #open(String, Path, long)}, storing the committed position through {@code writer}.
   */
  static Spool open(String name, Path dir, long maxBytes, SpoolPositionStore.Writer writer)
      throws IOException {
    if (maxBytes < 2 * 4096) {
      throw new IllegalArgumentException("spool bound too small: " + maxBytes);
    }
    Files.createDirectories(dir);
    Path positionFile = dir.resolve("position");
    SpoolRecovery.Recovered recovered =
        SpoolRecovery.recover(name, dir, positionFile, MAX_PAYLOAD_BYTES);
    return new Spool(
        name, dir, maxBytes, recovered, new SpoolPositionStore(name, positionFile, writer));
  }

  /**
   * Adds one record. Returns false, and counts the record as refused, when the bound is reached,
   * the record is larger than a frame may be, the disk fails, or the spool is closed.
   */
  boolean append(byte[] payload) {
    long framed = Frame.framedSize(payload.length);
    lock.lock();
    try {
      if (closed) {
        return refuse();
      }
      if (Thread.currentThread().isInterrupted()) {
        // Any file operation would fail and close the segment's channel on the way.
        log.warn("spool {}: refusing a record offered by an interrupted thread", name);
        return refuse();
      }
      if (payload.length == 0 || payload.length > maxPayloadBytes) {
        log.warn("spool {}: refusing a record of {} bytes", name, payload.length);
        return refuse();
      }
      if (diskBytes + framed > maxBytes) {
        if (refusedInEpisode == 0) {
          log.warn(
              "spool {}: full at {} of {} bytes, refusing new records until the peer catches up",
              name,
              diskBytes,
              maxBytes);
        }
        return refuse();
      }
      long segment = segmentSizes.lastKey();
      long size = segmentSizes.lastEntry().getValue();
      if (!current.isOpen() || (size > 0 && size + framed > segmentBytes)) {
        // A closed channel means the caller's thread was interrupted mid-write; start afresh.
        roll(segment + 1);
        segment = segmentSizes.lastKey();
        size = 0;
      }
      write(Frame.encode(payload), size);
      segmentSizes.put(segment, size + framed);
      diskBytes += framed;
      backlogRecords++;
      sync.written(segment);
      if (refusedInEpisode > 0) {
        log.info("spool {}: taking records again after refusing {}", name, refusedInEpisode);
        refusedInEpisode = 0;
      }
      return true;
    } catch (IOException e) {
      if (refusedInEpisode == 0) {
        log.warn("spool {}: cannot write, refusing records until it can: {}", name, e.toString());
      }
      return refuse();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reads the oldest records not yet committed, at most {@code maxRecords} of them and no more
   * payload bytes than {@code maxBytes} (but always one record if any is waiting). Damaged frames
   * are skipped with a log line. Called by the reader only.
   */
  SpoolBatch read(int maxRecords, long maxBytes) throws IOException {
    SpoolPosition from;
    NavigableMap<Long, Long> sizes;
    lock.lock();
    try {
      from = committed;
      sizes = new TreeMap<>(segmentSizes.tailMap(from.segment(), true));
    } finally {
      lock.unlock();
    }
    return reader.read(from, sizes, maxRecords, maxBytes);
  }

  /**
   * Removes the records of {@code batch} for good: moves the committed position past them, deletes
   * the segments now fully delivered, then stores the position. Called by the reader only.
   *
   * <p>Deleting comes first because on a full disk the position can only be stored once delivered
   * segments made room; a crash in between resends from the oldest segment left, and loses nothing.
   * A position or a deletion that fails is retried on the next commit.
   *
   * @return false when the position could not be stored yet
   */
  boolean commit(SpoolBatch batch) {
    NavigableMap<Long, Long> delivered;
    SpoolPosition position;
    lock.lock();
    try {
      committed = batch.end();
      backlogRecords = Math.max(0, backlogRecords - batch.size());
      if (backlogBytesLocked() == 0) {
        // Records skipped in damaged frames were never counted out; an empty spool is exact.
        backlogRecords = 0;
        if (refusedInEpisode > 0 || positionStore.pending()) {
          leaveEmptiedSegment();
        }
      }
      for (long id : List.copyOf(segmentSizes.headMap(committed.segment(), false).keySet())) {
        undeleted.put(id, segmentSizes.remove(id));
      }
      delivered = new TreeMap<>(undeleted);
      position = committed;
    } finally {
      lock.unlock();
    }
    delivered.forEach(this::deleteDelivered);
    return positionStore.store(position);
  }

  /** True when a committed position could not be stored yet; {@link #commit} retries it. */
  boolean positionPending() {
    return positionStore.pending();
  }

  boolean hasBacklog() {
    return backlogBytes() > 0;
  }

  long backlogRecords() {
    lock.lock();
    try {
      return backlogRecords;
    } finally {
      lock.unlock();
    }
  }

  /** Bytes on disk, frames included, of the records not yet committed. */
  long backlogBytes() {
    lock.lock();
    try {
      return backlogBytesLocked();
    } finally {
      lock.unlock();
    }
  }

  /** Bytes of all segment files, the measure of the bound. */
  long diskBytes() {
    lock.lock();
    try {
      return diskBytes;
    } finally {
      lock.unlock();
    }
  }

  /** Records refused since the spool was opened. */
  long refused() {
    return refused.get();
  }

  /**
   * Forces the records written so far, and the directory entries of new segments, to stable
   * storage. May take long on a busy disk; never call it from a thread that must not wait.
   */
  void sync() {
    sync.run();
  }

  /** True when records were written since the last {@link #sync}. */
  boolean syncPending() {
    return sync.pending();
  }

  /** Stops taking records, forces what was written to disk and closes the current segment. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      positionStore.retry();
      sync.run();
      current.close();
    } catch (IOException e) {
      log.warn("spool {}: cannot close the current segment: {}", name, e.toString());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves appends to a fresh segment so that the emptied one, delivered whole, can be deleted. Only
   * done in trouble: a segment may be larger than a small disk, which it then fills alone.
   */
  private void leaveEmptiedSegment() {
    long last = segmentSizes.lastKey();
    if (segmentSizes.get(last) == 0 || committed.segment() != last) {
      return;
    }
    try {
      roll(last + 1);
      committed = new SpoolPosition(last + 1, 0);
    } catch (IOException e) {
      log.debug("spool {}: cannot start a segment to free the emptied one: {}", name, e.toString());
    }
  }

  private void deleteDelivered(long id, long size) {
    try {
      Files.deleteIfExists(SpoolRecovery.segmentFile(dir, id));
    } catch (IOException e) {
      if (!deleteFailing) {
        log.warn("spool {}: cannot delete a delivered segment, retrying: {}", name, e.toString());
        deleteFailing = true;
      }
      return;
    }
    deleteFailing = false;
    lock.lock();
    try {
      undeleted.remove(id);
      diskBytes -= size;
    } finally {
      lock.unlock();
    }
  }

  private long backlogBytesLocked() {
    long bytes = -committed.offset();
    for (long size : segmentSizes.tailMap(committed.segment(), true).values()) {
      bytes += size;
    }
    return Math.max(0, bytes);
  }

  private boolean refuse() {
    refused.incrementAndGet();
    refusedInEpisode++;
    return false;
  }

  private void roll(long id) throws IOException {
    FileChannel next = createSegment(id);
    try {
      current.close();
    } catch (IOException e) {
      log.debug("spool {}: closing a full segment failed: {}", name, e.toString());
    }
    current = next;
  }

  private FileChannel createSegment(long id) throws IOException {
    Path file = SpoolRecovery.segmentFile(dir, id);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    segmentSizes.put(id, 0L);
    sync.created();
    return channel;
  }

  private void write(ByteBuffer frame, long at) throws IOException {
    // Positional writes: bytes of a failed earlier write past `at` are simply overwritten.
    long position = at;
    while (frame.hasRemaining()) {
      position += current.write(frame, position);
    }
  }
}
