package io.dockwatch.sink;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded queue from any thread to one consumer thread, on which producers never wait: {@link
 * #offer} is a few atomic operations and an unpark, and fails when the queue is full. A blocking
 * queue would share a lock with the consumer, and a consumer descheduled while holding it would
 * stall the producer, the agent's event loop.
 *
 * <p>An item counts in {@link #size} from its offer until the consumer calls {@link #handled}, so
 * that one taken but not yet processed is never counted nowhere.
 */
final class HandOff<T> {
  private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;
  private final Thread consumer;

  /**
   * @param consumer the only thread that calls {@link #take}; it need not be started yet
   */
  HandOff(int capacity, Thread consumer) {
    this.capacity = capacity;
    this.consumer = consumer;
  }

  /** Adds {@code item} unless {@code capacity} items wait already. Never waits. */
  boolean offer(T item) {
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      return false;
    }
    items.add(item);
    LockSupport.unpark(consumer);
    return true;
  }

  /**
   * The oldest item, waiting up to {@code timeoutNanos} for one ({@code Long.MAX_VALUE}: without
   * limit); null when none came or {@link #wake} was called. Consumer thread only.
   */
  T take(long timeoutNanos) {
    long start = System.nanoTime();
    while (true) {
      T item = items.poll();
      if (item != null) {
        return item;
      }
      long left = timeoutNanos - (System.nanoTime() - start);
      if (left <= 0) {
        return null;
      }
      LockSupport.parkNanos(this, left);
      if (items.isEmpty()) {
        return null; // woken, or timed out, or spurious: the caller looks again
      }
    }
  }

  /** Marks the item last taken as processed: it no longer counts. Consumer thread only. */
  void handled() {
    size.decrementAndGet();
  }

  /** Makes a waiting {@link #take} return, so that the consumer notices a change of state. */
  void wake() {
    LockSupport.unpark(consumer);
  }

  /** Items offered and not yet handled. */
  int size() {
    return size.get();
  }
}
