package io.dockwatch.sink;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands records from the caller's thread to a spool. {@link #offer} puts the record in a bounded
 * queue in memory and returns at once; a thread of its own appends to the spool and forces it to
 * disk. A slow write, an fsync in progress or the spool's lock held by the reader therefore never
 * reach the caller; a disk that stalls for long fills the queue, and then records are dropped and
 * counted.
 *
 * <p>Durability window: a record is written to its segment file microseconds after {@code offer}
 * returns, or once a write or fsync in progress ends; from then on it survives the agent being
 * killed. It is forced to stable storage within {@value #SYNC_INTERVAL_MILLIS} ms of being written,
 * plus the time of the fsync itself; from then on it survives a crash of the machine.
 */
final class SpoolWriter {
  static final long SYNC_INTERVAL_MILLIS = 200;
  private static final Logger log = LoggerFactory.getLogger(SpoolWriter.class);

  private final String name;
  private final Spool spool;
  private final Runnable appended;
  private final Thread thread;
  private final HandOff<byte[]> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong droppedInEpisode = new AtomicLong();
  private volatile boolean stopping;

  /**
   * @param capacity the most records waiting in memory for the disk
   * @param appended told after each record that reached the spool
   */
  SpoolWriter(String name, Spool spool, int capacity, Runnable appended) {
    this.name = name;
    this.spool = spool;
    this.appended = appended;
    this.thread = new Thread(this::run, "dockwatch-spool-" + name);
    thread.setDaemon(true);
    this.queue = new HandOff<>(capacity, thread);
  }

  void start() {
    thread.start();
  }

  /** Queues one record for the spool; false, counted, when the queue is full. Never waits. */
  boolean offer(byte[] payload) {
    if (queue.offer(payload)) {
      long episode = droppedInEpisode.getAndSet(0);
      if (episode > 0) {
        log.info("spool {}: writing again after dropping {} records", name, episode);
      }
      return true;
    }
    dropped.incrementAndGet();
    if (droppedInEpisode.getAndIncrement() == 0) {
      log.warn(
          "spool {}: the disk is not keeping up, {} records wait in memory; dropping new ones",
          name,
          queue.size());
    }
    return false;
  }

  /** Records waiting in memory for the disk, the one being appended included. */
  int waiting() {
    return queue.size();
  }

  /** Records dropped because the queue was full. */
  long dropped() {
    return dropped.get();
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  /**
   * Appends every record offered before, forces them to disk and stops, waiting up to {@code
   * timeoutMillis}. Offer nothing after calling it.
   */
  void close(long timeoutMillis) {
    stopping = true;
    queue.wake();
    try {
      thread.join(Math.max(1, timeoutMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      log.warn("spool {}: disk stalled at close, {} records not written", name, queue.size());
    }
  }

  private void run() {
    long nextSync = System.nanoTime();
    while (true) {
      long wait = spool.syncPending() ? nextSync - System.nanoTime() : Long.MAX_VALUE;
      byte[] payload = queue.take(wait);
      if (payload != null) {
        append(payload);
        queue.handled();
      } else if (stopping) {
        spool.sync();
        return;
      }
      if (spool.syncPending() && System.nanoTime() - nextSync >= 0) {
        spool.sync();
        nextSync = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SYNC_INTERVAL_MILLIS);
      }
    }
  }

  private void append(byte[] payload) {
    if (spool.append(payload)) {
      appended.run();
    }
  }
}
