package io.dockwatch.metrics;

import java.util.ArrayDeque;

/**
 * The arrays of a collector's past renderings, kept for its next ones. A rendering of hundreds of
 * containers runs to megabytes and lives for one collection interval, long enough to be promoted
 * out of the young generation: allocating it anew each round filled the old generation and cost a
 * full collection per round. An array comes back once no scrape is still writing it out.
 */
final class BufferPool {
  /**
   * One spare: the current rendering holds its own array, and the next round takes the spare. A
   * scrape slow enough to still hold a part two rounds later costs one new array.
   */
  private static final int KEPT = 1;

  private final ArrayDeque<byte[]> free = new ArrayDeque<>(KEPT);

  /**
   * A pooled array of at least {@code least} bytes, or else a new one of {@code size} bytes (which
   * leaves room to grow).
   */
  synchronized byte[] take(int least, int size) {
    byte[] largest = free.peekLast();
    if (largest != null && largest.length >= least) {
      return free.pollLast();
    }
    return new byte[Math.max(least, size)];
  }

  /** Keeps {@code array} for a later rendering, the largest ones first. */
  synchronized void giveBack(byte[] array) {
    if (free.size() == KEPT) {
      if (free.peekFirst().length >= array.length) {
        return;
      }
      free.pollFirst();
    }
    if (free.isEmpty() || free.peekLast().length <= array.length) {
      free.addLast(array);
    } else {
      free.addFirst(array);
    }
  }
}
