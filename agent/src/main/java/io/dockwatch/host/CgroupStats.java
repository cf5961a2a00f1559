package io.dockwatch.host;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a container's cgroup reports at one moment: its CPU and memory accounting, each absent when
 * the controller's files could not be read; its block I/O by device, empty when it did none or the
 * kernel counted none; and its tasks by state, absent when the cgroup's task list was unreadable.
 */
public record CgroupStats(
    Optional<CpuUsage> cpu,
    Optional<MemoryUsage> memory,
    List<DeviceIo> io,
    Optional<TaskStates> tasks) {

  /**
   * Cumulative CPU time, in nanoseconds.
   *
   * @param periods enforcement periods of the CFS quota that have elapsed
   * @param throttledPeriods those periods in which the cgroup ran out of quota
   * @param throttledNanos the time the cgroup was held back for lack of quota
   */
  public record CpuUsage(
      long totalNanos,
      long userNanos,
      long systemNanos,
      long periods,
      long throttledPeriods,
      long throttledNanos) {}

  /**
   * Memory charged to the cgroup, in bytes, and its fault and OOM counts.
   *
   * @param usage all memory charged, page cache included, however long ago it was touched
   * @param rss anonymous memory: heaps and stacks, shared memory not included
   * @param cache page cache, shared memory ({@code /dev/shm}, tmpfs) included
   * @param inactiveFile page cache the kernel may reclaim first
   * @param pgfault page faults of the cgroup itself
   * @param hierarchyPgfault page faults of the cgroup and its descendants
   * @param oomKills processes the OOM killer ended in the cgroup; absent on kernels before 4.13
   */
  public record MemoryUsage(
      long usage,
      long rss,
      long cache,
      long mappedFile,
      long inactiveFile,
      long pgfault,
      long pgmajfault,
      long hierarchyPgfault,
      long hierarchyPgmajfault,
      OptionalLong oomKills) {

    /**
     * The memory the container cannot give back without its processes noticing: usage less the
     * inactive page cache, as {@code docker stats} and cAdvisor count it. Shared memory sits on the
     * anonymous LRU lists, so {@code /dev/shm} stays in.
     */
    public long workingSet() {
      return Math.max(0, usage - inactiveFile);
    }
  }

  /**
   * Block I/O of the cgroup and its descendants on one device, since the cgroup was created.
   *
   * @param device the device's node, such as {@code /dev/sda}; empty when the host does not name
   *     the device (it went away, or {@code /sys} does not show it)
   * @param bytes bytes transferred, by operation as cgroup v1 names them ({@code Read}, {@code
   *     Write}, {@code Sync}, {@code Async}, {@code Discard}, {@code Total}); only {@code Read} and
   *     {@code Write} under v2
   * @param operations I/O requests completed, by the same operation names
   */
  public record DeviceIo(
      int major, int minor, String device, Map<String, Long> bytes, Map<String, Long> operations) {

    public DeviceIo {
      bytes = Collections.unmodifiableMap(bytes);
      operations = Collections.unmodifiableMap(operations);
    }

    DeviceIo named(String name) {
      return new DeviceIo(major, minor, name, bytes, operations);
    }
  }

  /**
   * The cgroup's tasks (threads) by scheduler state, counted from each task's state letter.
   * Zombies, and tasks that end while they are counted, are in no state.
   *
   * @param stopped tasks stopped by a signal or a tracer ({@code T}, {@code t})
   * @param uninterruptible tasks in uninterruptible sleep ({@code D}), usually waiting on a disk
   */
  public record TaskStates(int sleeping, int running, int stopped, int uninterruptible) {}
}
