package io.dockwatch.host;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's activity counters from {@code /proc/stat}.
 *
 * @param cpus the time of each CPU, in the kernel's clock ticks ({@link #USER_HZ} per second)
 * @param interrupts interrupts serviced since boot
 * @param contextSwitches context switches since boot
 * @param bootTime when the machine booted, in seconds since the epoch
 * @param forks processes and threads created since boot
 * @param procsRunning threads runnable now
 * @param procsBlocked threads waiting for I/O now
 */
public record ProcStat(
    List<CpuTimes> cpus,
    long interrupts,
    long contextSwitches,
    long bootTime,
    long forks,
    long procsRunning,
    long procsBlocked) {

  /**
   * Clock ticks per second in {@code /proc/stat} and {@code cpuacct.stat}. The kernel reports these
   * in USER_HZ, which is 100 on every architecture Linux supports today.
   */
  public static final double USER_HZ = 100;

  /** The fields of a {@code cpu} line the parser reads: its name and ten columns of ticks. */
  private static final int CPU_COLUMNS = 11;

  public ProcStat {
    cpus = List.copyOf(cpus);
  }

  /** The ticks one CPU spent in each mode; guest time is also counted in user and nice. */
  public record CpuTimes(
      String cpu,
      long user,
      long nice,
      long system,
      long idle,
      long iowait,
      long irq,
      long softirq,
      long steal,
      long guest,
      long guestNice) {}

  static ProcStat parse(String text) {
    List<CpuTimes> cpus = new ArrayList<>();
    long interrupts = 0;
    long contextSwitches = 0;
    long bootTime = 0;
    long forks = 0;
    long running = 0;
    long blocked = 0;
    for (String line : Text.lines(text)) {
      String[] f = Text.fields(line, CPU_COLUMNS);
      if (f.length < 2) {
        continue;
      }
      switch (f[0]) {
        case "intr" -> interrupts = Text.longOr(f[1], 0);
        case "ctxt" -> contextSwitches = Text.longOr(f[1], 0);
        case "btime" -> bootTime = Text.longOr(f[1], 0);
        case "processes" -> forks = Text.longOr(f[1], 0);
        case "procs_running" -> running = Text.longOr(f[1], 0);
        case "procs_blocked" -> blocked = Text.longOr(f[1], 0);
        default -> {
          if (f[0].startsWith("cpu") && f[0].length() > 3) {
            cpus.add(cpu(f[0].substring(3), f));
          }
        }
      }
    }
    return new ProcStat(cpus, interrupts, contextSwitches, bootTime, forks, running, blocked);
  }

  private static CpuTimes cpu(String cpu, String[] f) {
    return new CpuTimes(
        cpu, at(f, 1), at(f, 2), at(f, 3), at(f, 4), at(f, 5), at(f, 6), at(f, 7), at(f, 8),
        at(f, 9), at(f, 10));
  }

  /** Older kernels print fewer columns; a missing one reads as zero. */
  private static long at(String[] f, int index) {
    return index < f.length ? Text.longOr(f[index], 0) : 0;
  }
}
