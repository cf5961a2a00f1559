package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.counter;
import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.host.CgroupStats;
import io.dockwatch.host.CgroupStats.CpuUsage;
import io.dockwatch.host.CgroupStats.DeviceIo;
import io.dockwatch.host.CgroupStats.MemoryUsage;
import io.dockwatch.host.CgroupStats.TaskStates;
import io.dockwatch.host.NetDevStat;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running container's CPU, memory, block I/O, tasks and network use with cAdvisor's names and
 * units: CPU as cumulative seconds, memory and I/O in bytes.
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
  static final MetricFamily FS_READS_BYTES =
      counter("container_fs_reads_bytes_total", "Bytes the container read from the device.");
  static final MetricFamily FS_READS =
      counter("container_fs_reads_total", "Read requests of the container the device completed.");
  static final MetricFamily FS_WRITES_BYTES =
      counter("container_fs_writes_bytes_total", "Bytes the container wrote to the device.");
  static final MetricFamily FS_WRITES =
      counter("container_fs_writes_total", "Write requests of the container the device completed.");
  static final MetricFamily BLKIO_DEVICE_USAGE =
      counter(
          "container_blkio_device_usage_total",
          "Bytes of the container's I/O on the device, by operation as the kernel counts them.");
  static final MetricFamily TASKS_STATE =
      gauge("container_tasks_state", "Tasks (threads) of the container, by scheduler state.");
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
    io(labels, stats.io(), out);
    stats.tasks().ifPresent(tasks -> tasks(labels, tasks, out));
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

  /**
   * The devices' I/O as cAdvisor reports it: reads and writes in bytes and in requests by device,
   * and every operation of the bytes file in {@code container_blkio_device_usage_total}. Under v1
   * those are the kernel's six ({@code Read}, {@code Write}, {@code Sync}, {@code Async}, {@code
   * Discard}, {@code Total}), under v2 {@code Read} and {@code Write}: cAdvisor passes on what the
   * kernel counts rather than a fixed list. Devices the host does not name all have the empty name;
   * their counts are summed, since {@code device} is the only label to tell them apart.
   */
  private static void io(LabelSet l, List<DeviceIo> devices, Families out) {
    Map<String, long[]> bytes = new LinkedHashMap<>();
    Map<String, long[]> requests = new LinkedHashMap<>();
    for (DeviceIo d : devices) {
      addReadsAndWrites(bytes, d.device(), d.bytes());
      addReadsAndWrites(requests, d.device(), d.operations());
      String major = Integer.toString(d.major());
      String minor = Integer.toString(d.minor());
      d.bytes()
          .forEach(
              (operation, value) ->
                  out.add(
                      BLKIO_DEVICE_USAGE,
                      l.with(
                          "device", d.device(),
                          "major", major,
                          "minor", minor,
                          "operation", operation),
                      value));
    }
    bytes.forEach(
        (device, rw) -> {
          out.add(FS_READS_BYTES, l.with("device", device), rw[0]);
          out.add(FS_WRITES_BYTES, l.with("device", device), rw[1]);
        });
    requests.forEach(
        (device, rw) -> {
          out.add(FS_READS, l.with("device", device), rw[0]);
          out.add(FS_WRITES, l.with("device", device), rw[1]);
        });
  }

  private static void addReadsAndWrites(
      Map<String, long[]> sums, String device, Map<String, Long> byOperation) {
    if (byOperation.isEmpty()) {
      return;
    }
    long[] readWrite = sums.computeIfAbsent(device, d -> new long[2]);
    readWrite[0] += byOperation.getOrDefault("Read", 0L);
    readWrite[1] += byOperation.getOrDefault("Write", 0L);
  }

  /**
   * Every state cAdvisor reports, at zero when no task is in it. cAdvisor's kernel query counts a
   * task as {@code iowaiting} (its label value; its documentation spells it {@code ioawaiting})
   * when it waits on I/O in a sleep other than the plain uninterruptible one, such as a killable
   * wait. {@code /proc} shows such a task as {@code D} and no sign of the I/O, so here it is
   * counted as uninterruptible and {@code iowaiting} stays at zero.
   */
  private static void tasks(LabelSet l, TaskStates t, Families out) {
    out.add(TASKS_STATE, l.with("state", "iowaiting"), 0);
    out.add(TASKS_STATE, l.with("state", "running"), t.running());
    out.add(TASKS_STATE, l.with("state", "sleeping"), t.sleeping());
    out.add(TASKS_STATE, l.with("state", "stopped"), t.stopped());
    out.add(TASKS_STATE, l.with("state", "uninterruptible"), t.uninterruptible());
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
