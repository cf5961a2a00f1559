package io.dockwatch.host;

import io.dockwatch.host.CgroupStats.CpuUsage;
import io.dockwatch.host.CgroupStats.MemoryUsage;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Parsing of the cgroup v2 (unified) files that carry a container's usage. */
final class CgroupV2 {
  private static final long NANOS_PER_MICRO = 1000;

  private CgroupV2() {}

  /** CPU time from {@code cpu.stat}, whose times are in microseconds. */
  static Optional<CpuUsage> cpu(String cpuStat) {
    Map<String, Long> s = Text.keyedLongs(cpuStat);
    if (!s.containsKey("usage_usec")) {
      return Optional.empty();
    }
    return Optional.of(
        new CpuUsage(
            s.get("usage_usec") * NANOS_PER_MICRO,
            s.getOrDefault("user_usec", 0L) * NANOS_PER_MICRO,
            s.getOrDefault("system_usec", 0L) * NANOS_PER_MICRO,
            s.getOrDefault("nr_periods", 0L),
            s.getOrDefault("nr_throttled", 0L),
            s.getOrDefault("throttled_usec", 0L) * NANOS_PER_MICRO));
  }

  /**
   * Memory from {@code memory.current}, {@code memory.stat} and {@code memory.events}. The v2
   * counters are hierarchical already, so both fault scopes carry the same numbers.
   */
  static Optional<MemoryUsage> memory(String current, String stat, Optional<String> events) {
    String bytes = Text.firstLine(current);
    if (!Text.isInteger(bytes)) {
      return Optional.empty();
    }
    Map<String, Long> e = events.map(Text::keyedLongs).orElse(Map.of());
    return Optional.of(
        memory(
            Long.parseLong(bytes),
            Text.keyedLongs(stat),
            e.containsKey("oom_kill") ? OptionalLong.of(e.get("oom_kill")) : OptionalLong.empty()));
  }

  /**
   * Memory from {@code memory.current} and the fields of {@code memory.stat}, however they were
   * read: from the files, or from the engine's stats endpoint, which passes them on as is.
   */
  static MemoryUsage memory(long current, Map<String, Long> s, OptionalLong oomKills) {
    long pgfault = s.getOrDefault("pgfault", 0L);
    long pgmajfault = s.getOrDefault("pgmajfault", 0L);
    return new MemoryUsage(
        current,
        s.getOrDefault("anon", 0L),
        s.getOrDefault("file", 0L),
        s.getOrDefault("file_mapped", 0L),
        s.getOrDefault("inactive_file", 0L),
        pgfault,
        pgmajfault,
        pgfault,
        pgmajfault,
        oomKills);
  }
}
