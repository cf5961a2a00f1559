package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.host.CgroupStats.CpuUsage;
import io.dockwatch.host.CgroupStats.MemoryUsage;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The v1 and v2 parsers, which must agree on what each number means. */
class CgroupParsersTest {

  @Test
  void v1Cpu_ticksAndNanoseconds_becomeNanoseconds() {
    Optional<CpuUsage> cpu =
        CgroupV1.cpu(
            "22437891\n",
            "user 2\nsystem 1\n",
            Optional.of("nr_periods 5\nnr_throttled 2\nthrottled_time 300\n"));

    assertThat(cpu).contains(new CpuUsage(22437891, 20_000_000, 10_000_000, 5, 2, 300));
  }

  @Test
  void v1Cpu_cpuControllerUnreadable_hasNoThrottling() {
    Optional<CpuUsage> cpu = CgroupV1.cpu("100\n", "user 0\nsystem 0\n", Optional.empty());

    assertThat(cpu).contains(new CpuUsage(100, 0, 0, 0, 0, 0));
  }

  @Test
  void v1Memory_totalFields_includeDescendants() {
    String stat =
        """
        cache 1
        rss 2
        total_cache 1343488
        total_rss 106496
        total_mapped_file 1060864
        total_inactive_file 1077248
        pgfault 1212
        pgmajfault 1
        total_pgfault 1300
        total_pgmajfault 3
        """;

    Optional<MemoryUsage> memory =
        CgroupV1.memory("2105344\n", stat, Optional.of("oom_kill_disable 0\noom_kill 4\n"));

    assertThat(memory)
        .contains(
            new MemoryUsage(
                2105344, 106496, 1343488, 1060864, 1077248, 1212, 1, 1300, 3, OptionalLong.of(4)));
    assertThat(memory.orElseThrow().workingSet()).isEqualTo(2105344 - 1077248);
  }

  @Test
  void v1Memory_kernelWithoutOomKillCount_hasNoOomKills() {
    Optional<MemoryUsage> memory =
        CgroupV1.memory("10\n", "", Optional.of("oom_kill_disable 0\nunder_oom 0\n"));

    assertThat(memory.orElseThrow().oomKills()).isEmpty();
  }

  @Test
  void v1Memory_usageNotANumber_isEmpty() {
    Optional<MemoryUsage> memory = CgroupV1.memory("", "", Optional.empty());

    assertThat(memory).isEmpty();
  }

  @Test
  void workingSet_inactiveFileAboveUsage_isZero() {
    MemoryUsage memory = new MemoryUsage(100, 0, 0, 0, 150, 0, 0, 0, 0, OptionalLong.empty());

    long workingSet = memory.workingSet();

    assertThat(workingSet).isZero();
  }

  @Test
  void v2Cpu_microseconds_becomeNanoseconds() {
    String stat =
        "usage_usec 4500000\nuser_usec 3000000\nsystem_usec 1500000\n"
            + "nr_periods 40\nnr_throttled 4\nthrottled_usec 250000\n";

    Optional<CpuUsage> cpu = CgroupV2.cpu(stat);

    assertThat(cpu)
        .contains(new CpuUsage(4_500_000_000L, 3_000_000_000L, 1_500_000_000L, 40, 4, 250_000_000));
  }

  @Test
  void v2Cpu_withoutUsage_isEmpty() {
    Optional<CpuUsage> cpu = CgroupV2.cpu("nr_periods 1\n");

    assertThat(cpu).isEmpty();
  }

  @Test
  void v2Memory_anonAndFile_areRssAndCache() {
    String stat =
        "anon 62914560\nfile 41943040\nshmem 8388608\nfile_mapped 4194304\n"
            + "inactive_file 31457280\npgfault 5000\npgmajfault 12\n";

    Optional<MemoryUsage> memory =
        CgroupV2.memory("104857600\n", stat, Optional.of("oom 2\noom_kill 1\n"));

    assertThat(memory)
        .contains(
            new MemoryUsage(
                104857600,
                62914560,
                41943040,
                4194304,
                31457280,
                5000,
                12,
                5000,
                12,
                OptionalLong.of(1)));
  }
}
