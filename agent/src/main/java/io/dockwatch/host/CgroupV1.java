package io.dockwatch.host;

import io.dockwatch.host.CgroupStats.CpuUsage;
import io.dockwatch.host.CgroupStats.MemoryUsage;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Parsing of the cgroup v1 controller files that carry a container's usage. */
final class CgroupV1 {
  private static final long NANOS_PER_TICK = Math.round(1e9 / ProcStat.USER_HZ);

  private CgroupV1() {}

  /**
   * CPU time from {@code cpuacct.usage} (nanoseconds), {@code cpuacct.stat} (user and system in
   * clock ticks) and, when the cpu controller's file could be read, {@code cpu.stat}.
   */
  static Optional<CpuUsage> cpu(String usage, String stat, Optional<String> cpuStat) {
    String total = Text.firstLine(usage);
    if (!Text.isInteger(total)) {
      return Optional.empty();
    }
    Map<String, Long> ticks = Text.keyedLongs(stat);
    Map<String, Long> cfs = cpuStat.map(Text::keyedLongs).orElse(Map.of());
    return Optional.of(
        new CpuUsage(
            Long.parseLong(total),
            ticks.getOrDefault("user", 0L) * NANOS_PER_TICK,
            ticks.getOrDefault("system", 0L) * NANOS_PER_TICK,
            cfs.getOrDefault("nr_periods", 0L),
            cfs.getOrDefault("nr_throttled", 0L),
            cfs.getOrDefault("throttled_time", 0L)));
  }

  /**
   * Memory from {@code memory.usage_in_bytes}, {@code memory.stat} (its {@code total_} fields,
   * which include descendants) and {@code memory.oom_control}.
   */
  static Optional<MemoryUsage> memory(String usage, String stat, Optional<String> oomControl) {
    String bytes = Text.firstLine(usage);
    if (!Text.isInteger(bytes)) {
      return Optional.empty();
    }
    Map<String, Long> oom = oomControl.map(Text::keyedLongs).orElse(Map.of());
    return Optional.of(
        memory(
            Long.parseLong(bytes),
            Text.keyedLongs(stat),
            oom.containsKey("oom_kill")
                ? OptionalLong.of(oom.get("oom_kill"))
                : OptionalLong.empty()));
  }

  /**
   * Memory from {@code memory.usage_in_bytes} and the fields of {@code memory.stat}, however they
   * were read: from the files, or from the engine's stats endpoint, which passes them on as is.
   */
  static MemoryUsage memory(long usage, Map<String, Long> s, OptionalLong oomKills) {
    return new MemoryUsage(
        usage,
        s.getOrDefault("total_rss", 0L),
        s.getOrDefault("total_cache", 0L),
        s.getOrDefault("total_mapped_file", 0L),
        s.getOrDefault("total_inactive_file", 0L),
        s.getOrDefault("pgfault", 0L),
        s.getOrDefault("pgmajfault", 0L),
        s.getOrDefault("total_pgfault", 0L),
        s.getOrDefault("total_pgmajfault", 0L),
        oomKills);
  }
}
