package io.dockwatch.sink;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery through a spool. {@link #offer} hands the record to a {@link SpoolWriter} and returns; a
 * sender thread reads batches from the spool, hands each to the transport and commits it once the
 * transport has returned. While the peer is away it retries with capped exponential backoff, and
 * logs the outage once when it starts and once when it ends.
 */
final class SpooledDelivery {
  private static final Logger log = LoggerFactory.getLogger(SpooledDelivery.class);
  private static final long INTERRUPT_GRACE_MILLIS = 500;
  private static final int WRITER_CAPACITY = 8192;

  private final String name;
  private final Spool spool;
  private final Transport transport;
  private final Backoff backoff;
  private final Clock clock;
  private final int batchRecords;
  private final long batchBytes;
  private final Thread thread;
  private final SpoolWriter writer;
  private final Outage outage = new Outage();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final AtomicLong refusedAfterClose = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean closing;
  private volatile boolean stopping;
  private volatile boolean aborted;
  private volatile long drainDeadline;
  private boolean spoolUnreadable;

  /**
   * @param batchRecords the most records sent in one batch
   * @param batchBytes roughly the most payload bytes in one batch (one record may exceed it)
   */
  SpooledDelivery(
      String name,
      Spool spool,
      Transport transport,
      Backoff backoff,
      Clock clock,
      int batchRecords,
      long batchBytes) {
    this.name = name;
    this.spool = spool;
    this.transport = transport;
    this.backoff = backoff;
    this.clock = clock;
    this.batchRecords = batchRecords;
    this.batchBytes = batchBytes;
    this.thread = new Thread(this::run, "dockwatch-sink-" + name);
    thread.setDaemon(true);
    this.writer = new SpoolWriter(name, spool, WRITER_CAPACITY, () -> LockSupport.unpark(thread));
  }

  void start() {
    writer.start();
    thread.start();
  }

  /** Queues one record for the spool; false when it was refused and counted. Never waits. */
  boolean offer(byte[] payload) {
    if (closing) {
      refusedAfterClose.incrementAndGet();
      return false;
    }
    return writer.offer(payload);
  }

  SinkStats stats() {
    return new SinkStats(
        spool.backlogRecords() + writer.waiting(),
        spool.backlogBytes(),
        delivered.get(),
        failedAttempts.get(),
        spool.refused() + writer.dropped() + refusedAfterClose.get());
  }

  /**
   * Stops taking records, writes those offered to the spool, keeps delivering until the spool is
   * empty or {@code timeoutMillis} has passed, then cuts a send still in progress short and closes
   * the spool; what is left stays on disk for the next start.
   */
  void close(long timeoutMillis) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    closing = true;
    writer.close(timeoutMillis);
    drainDeadline = deadline;
    stopping = true;
    LockSupport.unpark(thread);
    joinUntil(deadline);
    if (thread.isAlive()) {
      // A send blocked on the peer: interrupting it closes its socket. The flag, because the
      // transport may swallow the interrupt, and no new attempt may start after this one.
      aborted = true;
      thread.interrupt();
      joinUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(INTERRUPT_GRACE_MILLIS));
    }
    if (thread.isAlive()) {
      log.warn("{}: sender thread did not stop; leaving it behind", name);
    } else {
      transport.close();
    }
    if (writer.isAlive()) {
      return; // stuck in a write that holds the spool; the records it wrote are on disk anyway
    }
    spool.close();
    log.info(
        "{}: stopped after delivering {} records, {} left in the spool",
        name,
        delivered.get(),
        spool.backlogRecords());
  }

  private void run() {
    int failures = 0;
    long retryAt = System.nanoTime();
    boolean draining = false;
    while (true) {
      long now = System.nanoTime();
      if (stopping && !draining) {
        draining = true;
        retryAt = now; // one prompt attempt at close, whatever the backoff said
      }
      boolean backlog = spool.hasBacklog();
      if (stopping && (!backlog || aborted || now - drainDeadline >= 0)) {
        return;
      }
      // An unstored position is retried like a failed send: a restart would resend until then.
      boolean pending = backlog || spool.positionPending();
      if (!pending) {
        LockSupport.park(this);
      } else if (retryAt - now > 0) {
        long wait = stopping ? Math.min(retryAt, drainDeadline) - now : retryAt - now;
        LockSupport.parkNanos(this, wait);
      } else if (attemptSafely()) {
        failures = 0;
      } else {
        failures++;
        retryAt = System.nanoTime() + backoff.delayAfter(failures).toNanos();
      }
    }
  }

  private boolean attemptSafely() {
    try {
      return attempt();
    } catch (RuntimeException e) {
      // A defect, but the sender must survive it: the records stay in the spool.
      log.error("{}: delivery failed unexpectedly", name, e);
      return false;
    }
  }

  /** Sends one batch; true when it was delivered or there was nothing to send. */
  private boolean attempt() {
    SpoolBatch batch;
    try {
      batch = spool.read(batchRecords, batchBytes);
    } catch (IOException e) {
      if (!spoolUnreadable) {
        log.warn("{}: cannot read the spool, will retry: {}", name, e.toString());
        spoolUnreadable = true;
      }
      return false;
    }
    spoolUnreadable = false;
    if (batch.size() == 0) {
      // Steps over damaged frames and delivered segments, and retries an unstored position.
      return committed(batch);
    }
    long waiting = spool.backlogRecords();
    try {
      transport.send(batch.payloads());
    } catch (IOException e) {
      failedAttempts.incrementAndGet();
      if (outage.failed(clock.instant()) && !stopping) {
        log.warn(
            "{}: peer {} unreachable, records wait in the spool ({} now): {}",
            name,
            transport.peer(),
            waiting,
            rootCause(e));
      } else {
        log.debug("{}: peer {} still unreachable: {}", name, transport.peer(), rootCause(e));
      }
      return false;
    }
    committed(batch); // delivered even if the position is not stored yet: keep sending
    delivered.addAndGet(batch.size());
    outage
        .succeeded(clock.instant())
        .ifPresent(
            ended ->
                log.info(
                    "{}: peer {} reachable again after {} s and {} failed attempts,"
                        + " delivering the {} records that waited",
                    name,
                    transport.peer(),
                    String.format(Locale.ROOT, "%.1f", ended.lasted().toMillis() / 1000.0),
                    ended.failedAttempts(),
                    waiting));
    return true;
  }

  /** Commits {@code batch}; a position the spool could not store counts as a failed attempt. */
  private boolean committed(SpoolBatch batch) {
    if (spool.commit(batch)) {
      return true;
    }
    failedAttempts.incrementAndGet();
    return false;
  }

  /** The innermost cause: libraries wrap a refused connection in layers that say little. */
  private static String rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.toString();
  }

  /** Waits for the sender to end, until {@code deadline} on the {@link System#nanoTime} scale. */
  private void joinUntil(long deadline) {
    try {
      // Thread.join counts whole milliseconds and may return just before the deadline.
      for (long left = deadline - System.nanoTime();
          left > 0 && thread.isAlive();
          left = deadline - System.nanoTime()) {
        TimeUnit.NANOSECONDS.timedJoin(thread, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
