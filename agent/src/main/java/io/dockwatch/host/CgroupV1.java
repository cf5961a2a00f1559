package io.dockwatch.host;

import io.dockwatch.host.CgroupStats.CpuUsage;
import io.dockwatch.host.CgroupStats.DeviceIo;
import io.dockwatch.host.CgroupStats.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * Whether a blkio file counts any device: for a cgroup that did no I/O the kernel writes only the
   * closing {@code Total} line, and cAdvisor then reads the next file in its order.
   */
  static boolean countsDevices(String blkioFile) {
    return blkioFile.indexOf(':') >= 0;
  }

  /**
   * Block I/O from a pair of blkio files, {@code io_service_bytes} and {@code io_serviced}, whose
   * lines read {@code 8:0 Read 4096}. The operations keep the kernel's names and order. The closing
   * {@code Total} line of the whole cgroup, and lines of any other shape, are passed over.
   */
  static List<DeviceIo> io(String serviceBytes, String serviced) {
    return devices(byDevice(serviceBytes), byDevice(serviced));
  }

  /**
   * Unnamed devices from bytes and requests by operation, both keyed by {@code major:minor}; a key
   * of any other shape is passed over.
   */
  static List<DeviceIo> devices(
      Map<String, Map<String, Long>> bytes, Map<String, Map<String, Long>> operations) {
    List<DeviceIo> out = new ArrayList<>(bytes.size());
    for (Map.Entry<String, Map<String, Long>> device : bytes.entrySet()) {
      int[] number = Text.majorMinor(device.getKey());
      if (number != null) {
        out.add(
            new DeviceIo(
                number[0],
                number[1],
                "",
                device.getValue(),
                operations.getOrDefault(device.getKey(), Map.of())));
      }
    }
    return out;
  }

  private static Map<String, Map<String, Long>> byDevice(String text) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String line : Text.lines(text)) {
      String[] f = Text.fields(line);
      if (f.length == 3 && Text.majorMinor(f[0]) != null && Text.isInteger(f[2])) {
        out.computeIfAbsent(f[0], d -> new LinkedHashMap<>()).put(f[1], Long.parseLong(f[2]));
      }
    }
    return out;
  }
}
