package io.dockwatch.host;

import io.dockwatch.host.CgroupStats.CpuUsage;
import io.dockwatch.host.CgroupStats.DeviceIo;
import io.dockwatch.host.CgroupStats.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

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

  /**
   * Block I/O from {@code io.stat}, whose lines read {@code 8:0 rbytes=4096 wbytes=0 rios=1 wios=0
   * dbytes=0 dios=0}. Bytes and requests are given v1's operation names, {@code Read} and {@code
   * Write}, as cAdvisor gives them; discards and the {@code cost.*} fields of the io.cost
   * controller are left out, as cAdvisor leaves them out of these families. A device listed again
   * is passed over.
   */
  static List<DeviceIo> io(String ioStat) {
    List<DeviceIo> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String line : Text.lines(ioStat)) {
      String[] f = Text.fields(line);
      int[] number = Text.majorMinor(f[0]);
      if (number == null || !seen.add(f[0])) {
        continue;
      }
      Map<String, Long> bytes = new LinkedHashMap<>();
      Map<String, Long> operations = new LinkedHashMap<>();
      for (int i = 1; i < f.length; i++) {
        int eq = f[i].indexOf('=');
        String value = eq < 0 ? "" : f[i].substring(eq + 1);
        if (!Text.isInteger(value)) {
          continue;
        }
        switch (f[i].substring(0, eq)) {
          case "rbytes" -> bytes.put("Read", Long.parseLong(value));
          case "wbytes" -> bytes.put("Write", Long.parseLong(value));
          case "rios" -> operations.put("Read", Long.parseLong(value));
          case "wios" -> operations.put("Write", Long.parseLong(value));
          default -> {}
        }
      }
      if (!bytes.isEmpty() || !operations.isEmpty()) {
        out.add(new DeviceIo(number[0], number[1], "", bytes, operations));
      }
    }
    return out;
  }
}
