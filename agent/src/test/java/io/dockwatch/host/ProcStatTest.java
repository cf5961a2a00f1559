package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.host.ProcStat.CpuTimes;
import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void parse_kernelText_readsEachCpuAndTheCounters() {
    String text =
        """
        cpu  13678 0 2346 122997 298 0 53 3 0 0
        cpu0 6594 1 964 62062 27 2 11 1 5 6
        cpu1 7084 0 1382 60935 271 0 42 2 0 0
        intr 1004596 0 0 0 7
        ctxt 2928089
        btime 1796400813
        processes 34812
        procs_running 5
        procs_blocked 1
        softirq 390926 0 51260
        """;

    ProcStat stat = ProcStat.parse(text);

    assertThat(stat.cpus())
        .containsExactly(
            new CpuTimes("0", 6594, 1, 964, 62062, 27, 2, 11, 1, 5, 6),
            new CpuTimes("1", 7084, 0, 1382, 60935, 271, 0, 42, 2, 0, 0));
    assertThat(stat)
        .extracting(
            ProcStat::interrupts,
            ProcStat::contextSwitches,
            ProcStat::bootTime,
            ProcStat::forks,
            ProcStat::procsRunning,
            ProcStat::procsBlocked)
        .containsExactly(1004596L, 2928089L, 1796400813L, 34812L, 5L, 1L);
  }

  @Test
  void parse_oldKernelWithoutGuestColumns_readsThemAsZero() {
    String text = "cpu0 10 20 30 40 50 60 70\n";

    ProcStat stat = ProcStat.parse(text);

    assertThat(stat.cpus()).containsExactly(new CpuTimes("0", 10, 20, 30, 40, 50, 60, 70, 0, 0, 0));
  }
}
