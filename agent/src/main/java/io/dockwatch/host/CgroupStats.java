package io.dockwatch.host;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a container's cgroup reports at one moment: its CPU and memory accounting, each absent when
 * the controller's files could not be read.
 */
public record CgroupStats(Optional<CpuUsage> cpu, Optional<MemoryUsage> memory) {

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
}
