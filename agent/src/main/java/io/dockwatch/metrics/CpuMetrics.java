package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.counter;
import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.host.HostReader;
import io.dockwatch.host.LoadAverage;
import io.dockwatch.host.ProcStat;
import io.dockwatch.host.ProcStat.CpuTimes;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;

/** CPU time, scheduler counters and load, from {@code /proc/stat} and {@code /proc/loadavg}. */
final class CpuMetrics implements HostArea {
  static final MetricFamily CPU_SECONDS =
      counter("node_cpu_seconds_total", "Seconds each CPU spent in each mode since boot.");
  static final MetricFamily GUEST_SECONDS =
      counter(
          "node_cpu_guest_seconds_total",
          "Seconds each CPU spent running virtual machines, also counted in user or nice time.");
  static final MetricFamily INTERRUPTS =
      counter("node_intr_total", "Interrupts serviced since boot.");
  static final MetricFamily CONTEXT_SWITCHES =
      counter("node_context_switches_total", "Context switches since boot.");
  static final MetricFamily FORKS =
      counter("node_forks_total", "Processes and threads created since boot.");
  static final MetricFamily BOOT_TIME =
      gauge("node_boot_time_seconds", "When the machine booted, in seconds since the epoch.");
  static final MetricFamily PROCS_RUNNING =
      gauge("node_procs_running", "Threads that are runnable now.");
  static final MetricFamily PROCS_BLOCKED =
      gauge("node_procs_blocked", "Threads that are waiting for I/O now.");
  static final MetricFamily LOAD1 =
      gauge("node_load1", "Runnable and uninterruptible threads, averaged over one minute.");
  static final MetricFamily LOAD5 =
      gauge("node_load5", "Runnable and uninterruptible threads, averaged over five minutes.");
  static final MetricFamily LOAD15 =
      gauge("node_load15", "Runnable and uninterruptible threads, averaged over 15 minutes.");
  static final MetricFamily CORES =
      gauge("machine_cpu_cores", "Logical CPUs the machine has online.");

  private final HostReader host;

  CpuMetrics(HostReader host) {
    this.host = host;
  }

  /** node_exporter reads {@code /proc/stat} in two collectors, cpu and stat; so do these parts. */
  @Override
  public List<Part> parts() {
    return List.of(
        new Part("cpu", out -> HostArea.whenPresent(host.procStat(), stat -> cpu(stat, out))),
        new Part("stat", out -> HostArea.whenPresent(host.procStat(), stat -> stat(stat, out))),
        new Part(
            "loadavg", out -> HostArea.whenPresent(host.loadAverage(), load -> load(load, out))));
  }

  private static void cpu(ProcStat stat, Families out) {
    int cores = 0;
    for (CpuTimes t : stat.cpus()) {
      cores++;
      mode(out, t.cpu(), "user", t.user());
      mode(out, t.cpu(), "nice", t.nice());
      mode(out, t.cpu(), "system", t.system());
      mode(out, t.cpu(), "idle", t.idle());
      mode(out, t.cpu(), "iowait", t.iowait());
      mode(out, t.cpu(), "irq", t.irq());
      mode(out, t.cpu(), "softirq", t.softirq());
      mode(out, t.cpu(), "steal", t.steal());
      out.add(GUEST_SECONDS, Labels.of("cpu", t.cpu(), "mode", "user"), seconds(t.guest()));
      out.add(GUEST_SECONDS, Labels.of("cpu", t.cpu(), "mode", "nice"), seconds(t.guestNice()));
    }
    out.add(CORES, cores);
  }

  private static void stat(ProcStat stat, Families out) {
    out.add(INTERRUPTS, stat.interrupts());
    out.add(CONTEXT_SWITCHES, stat.contextSwitches());
    out.add(FORKS, stat.forks());
    out.add(BOOT_TIME, stat.bootTime());
    out.add(PROCS_RUNNING, stat.procsRunning());
    out.add(PROCS_BLOCKED, stat.procsBlocked());
  }

  private static void mode(Families out, String cpu, String mode, long ticks) {
    out.add(CPU_SECONDS, Labels.of("cpu", cpu, "mode", mode), seconds(ticks));
  }

  private static double seconds(long ticks) {
    return ticks / ProcStat.USER_HZ;
  }

  private static void load(LoadAverage load, Families out) {
    out.add(LOAD1, load.one());
    out.add(LOAD5, load.five());
    out.add(LOAD15, load.fifteen());
  }
}
