package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.host.HostReader;
import io.dockwatch.host.MemInfo;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Memory from {@code /proc/meminfo}, one gauge per field as node_exporter names them ({@code
 * Active(anon)} becomes {@code node_memory_Active_anon_bytes}; fields without a unit keep a bare
 * name), and the paging and OOM counters of {@code /proc/vmstat}.
 */
final class MemoryMetrics implements HostArea {
  static final String MEMORY_PREFIX = "node_memory_";
  static final String VMSTAT_PREFIX = "node_vmstat_";
  static final MetricFamily MACHINE_MEMORY =
      gauge("machine_memory_bytes", "Memory the kernel can use, in bytes.");

  /** The vmstat fields node_exporter exports by default. */
  private static final Pattern VMSTAT_FIELDS = Pattern.compile("^(oom_kill|pgpg|pswp|pg.*fault).*");

  private static final Pattern PARENTHESES = Pattern.compile("\\((.*)\\)");
  private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_]");

  private final HostReader host;

  MemoryMetrics(HostReader host) {
    this.host = host;
  }

  @Override
  public List<Part> parts() {
    return List.of(
        new Part("meminfo", out -> HostArea.whenPresent(host.memInfo(), m -> memInfo(m, out))),
        new Part("vmstat", out -> HostArea.whenPresent(host.vmStat(), v -> vmStat(v, out))));
  }

  private static void memInfo(MemInfo info, Families out) {
    for (MemInfo.Field f : info.fields()) {
      out.add(memoryFamily(f), f.scaled());
    }
    info.get("MemTotal").ifPresent(total -> out.add(MACHINE_MEMORY, total));
  }

  static MetricFamily memoryFamily(MemInfo.Field f) {
    String key = INVALID.matcher(PARENTHESES.matcher(f.name()).replaceAll("_$1")).replaceAll("_");
    String name = MEMORY_PREFIX + key + (f.kibibytes() ? "_bytes" : "");
    String help =
        "The field "
            + f.name()
            + " of /proc/meminfo"
            + (f.kibibytes() ? ", in bytes." : ", as the kernel counts it.");
    return name.endsWith("_total")
        ? MetricFamily.counter(name, help)
        : MetricFamily.gauge(name, help);
  }

  private static void vmStat(Map<String, Long> vmstat, Families out) {
    for (Map.Entry<String, Long> e : vmstat.entrySet()) {
      if (VMSTAT_FIELDS.matcher(e.getKey()).matches()) {
        out.add(
            MetricFamily.untyped(
                VMSTAT_PREFIX + e.getKey(),
                "The counter " + e.getKey() + " of /proc/vmstat since boot."),
            e.getValue());
      }
    }
  }
}
