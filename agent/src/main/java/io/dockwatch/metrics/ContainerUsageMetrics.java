package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.counter;
import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.host.CgroupStats;
import io.dockwatch.host.CgroupStats.CpuUsage;
import io.dockwatch.host.CgroupStats.MemoryUsage;
import io.dockwatch.host.NetDevStat;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;

/**
 * A running container's CPU, memory and network use with cAdvisor's names and units: CPU as
 * cumulative seconds, memory in bytes.
 */
final class ContainerUsageMetrics {
  static final MetricFamily CPU_USAGE =
      counter("container_cpu_usage_seconds_total", "CPU time the container consumed, in seconds.");
  static final MetricFamily CPU_USER =
      counter("container_cpu_user_seconds_total", "CPU time the container spent in user mode.");
  static final MetricFamily CPU_SYSTEM =
      counter("container_cpu_system_seconds_total", "CPU time the container spent in the kernel.");
  static final MetricFamily CFS_PERIODS =
      counter("container_cpu_cfs_periods_total", "CPU quota enforcement periods elapsed.");
  static final MetricFamily CFS_THROTTLED_PERIODS =
      counter(
          "container_cpu_cfs_throttled_periods_total",
          "Enforcement periods in which the container used up its CPU quota.");
  static final MetricFamily CFS_THROTTLED_SECONDS =
      counter(
          "container_cpu_cfs_throttled_seconds_total",
          "Time the container was held back for lack of CPU quota, in seconds.");
  static final MetricFamily MEMORY_USAGE =
      gauge(
          "container_memory_usage_bytes",
          "Memory charged to the container, page cache included, in bytes.");
  static final MetricFamily MEMORY_WORKING_SET =
      gauge(
          "container_memory_working_set_bytes",
          "Memory charged to the container less its inactive page cache, in bytes.");
  static final MetricFamily MEMORY_RSS =
      gauge("container_memory_rss", "Anonymous memory of the container, in bytes.");
  static final MetricFamily MEMORY_CACHE =
      gauge(
          "container_memory_cache",
          "Page cache and shared memory charged to the container, in bytes.");
  static final MetricFamily MEMORY_MAPPED_FILE =
      gauge("container_memory_mapped_file", "Page cache the container has mapped, in bytes.");
  static final MetricFamily MEMORY_FAILURES =
      counter(
          "container_memory_failures_total",
          "Page faults of the container (scope container) or of it and its children (hierarchy).");
  static final MetricFamily OOM_EVENTS =
      counter(
          "container_oom_events_total", "Processes of the container that the OOM killer ended.");
  static final MetricFamily RECEIVE_BYTES =
      counter("container_network_receive_bytes_total", "Bytes the container received.");
  static final MetricFamily RECEIVE_PACKETS =
      counter("container_network_receive_packets_total", "Packets the container received.");
  static final MetricFamily RECEIVE_ERRORS =
      counter("container_network_receive_errors_total", "Receive errors of the container.");
  static final MetricFamily RECEIVE_DROPPED =
      counter(
          "container_network_receive_packets_dropped_total",
          "Packets dropped on the container's receive side.");
  static final MetricFamily TRANSMIT_BYTES =
      counter("container_network_transmit_bytes_total", "Bytes the container transmitted.");
  static final MetricFamily TRANSMIT_PACKETS =
      counter("container_network_transmit_packets_total", "Packets the container transmitted.");
  static final MetricFamily TRANSMIT_ERRORS =
      counter("container_network_transmit_errors_total", "Transmit errors of the container.");
  static final MetricFamily TRANSMIT_DROPPED =
      counter(
          "container_network_transmit_packets_dropped_total",
          "Packets dropped on the container's transmit side.");

  /** Interfaces cAdvisor leaves out: loopback, and the host ends of bridges and veth pairs. */
  private static final List<String> IGNORED_INTERFACE_PREFIXES =
      List.of("lo", "veth", "docker", "nerdctl");

  private static final double NANOS = 1e9;

  private ContainerUsageMetrics() {}

  static void cgroup(LabelSet labels, CgroupStats stats, Families out) {
    stats.cpu().ifPresent(cpu -> cpu(labels, cpu, out));
    stats.memory().ifPresent(memory -> memory(labels, memory, out));
  }

  private static void cpu(LabelSet l, CpuUsage cpu, Families out) {
    Labels labels = l.base();
    out.add(CPU_USAGE, l.with("cpu", "total"), cpu.totalNanos() / NANOS);
    out.add(CPU_USER, labels, cpu.userNanos() / NANOS);
    out.add(CPU_SYSTEM, labels, cpu.systemNanos() / NANOS);
    out.add(CFS_PERIODS, labels, cpu.periods());
    out.add(CFS_THROTTLED_PERIODS, labels, cpu.throttledPeriods());
    out.add(CFS_THROTTLED_SECONDS, labels, cpu.throttledNanos() / NANOS);
  }

  private static void memory(LabelSet l, MemoryUsage m, Families out) {
    Labels labels = l.base();
    out.add(MEMORY_USAGE, labels, m.usage());
    out.add(MEMORY_WORKING_SET, labels, m.workingSet());
    out.add(MEMORY_RSS, labels, m.rss());
    out.add(MEMORY_CACHE, labels, m.cache());
    out.add(MEMORY_MAPPED_FILE, labels, m.mappedFile());
    out.add(MEMORY_FAILURES, failure(l, "pgfault", "container"), m.pgfault());
    out.add(MEMORY_FAILURES, failure(l, "pgmajfault", "container"), m.pgmajfault());
    out.add(MEMORY_FAILURES, failure(l, "pgfault", "hierarchy"), m.hierarchyPgfault());
    out.add(MEMORY_FAILURES, failure(l, "pgmajfault", "hierarchy"), m.hierarchyPgmajfault());
    m.oomKills().ifPresent(kills -> out.add(OOM_EVENTS, labels, kills));
  }

  private static Labels failure(LabelSet labels, String type, String scope) {
    return labels.with("failure_type", type, "scope", scope);
  }

  static void network(LabelSet labels, List<NetDevStat> interfaces, Families out) {
    for (NetDevStat d : interfaces) {
      if (ignored(d.device())) {
        continue;
      }
      Labels l = labels.with("interface", d.device());
      out.add(RECEIVE_BYTES, l, d.receive().get("bytes"));
      out.add(RECEIVE_PACKETS, l, d.receive().get("packets"));
      out.add(RECEIVE_ERRORS, l, d.receive().get("errs"));
      out.add(RECEIVE_DROPPED, l, d.receive().get("drop"));
      out.add(TRANSMIT_BYTES, l, d.transmit().get("bytes"));
      out.add(TRANSMIT_PACKETS, l, d.transmit().get("packets"));
      out.add(TRANSMIT_ERRORS, l, d.transmit().get("errs"));
      out.add(TRANSMIT_DROPPED, l, d.transmit().get("drop"));
    }
  }

  private static boolean ignored(String device) {
    for (String prefix : IGNORED_INTERFACE_PREFIXES) {
      if (device.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
