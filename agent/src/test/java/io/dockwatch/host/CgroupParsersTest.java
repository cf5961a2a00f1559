package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dockwatch.host.CgroupStats.CpuUsage;
import io.dockwatch.host.CgroupStats.DeviceIo;
import io.dockwatch.host.CgroupStats.MemoryUsage;
import java.util.List;
import java.util.Map;
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

  @Test
  void v1Io_throttleFiles_keepEachDevicesOperationsInTheKernelsOrder() {
    String bytes = "8:0 Read 4096\n8:0 Write 8192\n8:0 Total 12288\n8:16 Write 512\nTotal 12800\n";
    String serviced = "8:0 Read 1\n8:0 Write 2\n8:0 Total 3\n8:16 Write 1\nTotal 4\n";

    List<DeviceIo> io = CgroupV1.io(bytes, serviced);

    assertThat(io)
        .containsExactly(
            new DeviceIo(
                8,
                0,
                "",
                Map.of("Read", 4096L, "Write", 8192L, "Total", 12288L),
                Map.of("Read", 1L, "Write", 2L, "Total", 3L)),
            new DeviceIo(8, 16, "", Map.of("Write", 512L), Map.of("Write", 1L)));
    assertThat(io.get(0).bytes().keySet()).containsExactly("Read", "Write", "Total");
  }

  @Test
  void io_cgroupWithoutIoOrEmptyFiles_countsNoDevice() {
    String bytes = "Total 0\n";

    boolean counts = CgroupV1.countsDevices(bytes) || CgroupV1.countsDevices("");
    List<DeviceIo> v1 = CgroupV1.io(bytes, "Total 0\n");
    List<DeviceIo> v1Empty = CgroupV1.io("", "");
    List<DeviceIo> v2Empty = CgroupV2.io("");

    assertThat(counts).isFalse();
    assertThat(v1).isEmpty();
    assertThat(v1Empty).isEmpty();
    assertThat(v2Empty).isEmpty();
  }

  @Test
  void v1Io_oddLines_arePassedOver() {
    String bytes =
        "8:0 Read\n8:0 Read 12 extra\nsda Read 5\n8: Read 5\n-1:0 Read 5\n"
            + "8:0 Write many\n\n8:0 Write 7\n";

    List<DeviceIo> io = CgroupV1.io(bytes, "");

    assertThat(io).containsExactly(new DeviceIo(8, 0, "", Map.of("Write", 7L), Map.of()));
  }

  @Test
  void v1Io_deviceMissingFromTheRequestsFile_hasNoRequests() {
    List<DeviceIo> io = CgroupV1.io("8:0 Read 4096\n", "");

    assertThat(io.get(0).operations()).isEmpty();
  }

  @Test
  void v2Io_ioStat_takesV1sOperationNames() {
    List<DeviceIo> io =
        CgroupV2.io(
            "259:0 rbytes=1048576 wbytes=4096 rios=256 wios=1 dbytes=0 dios=0\n"
                + "253:1 rbytes=0 wbytes=0 rios=0 wios=0 cost.usage=12 cost.indelay=5\n");

    assertThat(io)
        .extracting(DeviceIo::major, DeviceIo::minor)
        .containsExactly(tuple(259, 0), tuple(253, 1));
    assertThat(io)
        .extracting(DeviceIo::bytes)
        .containsExactly(Map.of("Read", 1048576L, "Write", 4096L), Map.of("Read", 0L, "Write", 0L));
    assertThat(io)
        .extracting(DeviceIo::operations)
        .containsExactly(Map.of("Read", 256L, "Write", 1L), Map.of("Read", 0L, "Write", 0L));
  }

  @Test
  void v2Io_oddLinesAndFields_arePassedOver() {
    String stat =
        "nonsense rbytes=1\n8:0\n8:0 rbytes wbytes=x rios=-=3 dbytes=9\n8:16 wbytes=2 =4 wios\n";

    List<DeviceIo> io = CgroupV2.io(stat);

    assertThat(io).containsExactly(new DeviceIo(8, 16, "", Map.of("Write", 2L), Map.of()));
  }

  @Test
  void v2Io_deviceListedTwice_keepsTheFirstLine() {
    List<DeviceIo> io = CgroupV2.io("8:0 rbytes=1\n8:0 rbytes=2\n");

    assertThat(io).containsExactly(new DeviceIo(8, 0, "", Map.of("Read", 1L), Map.of()));
  }
}
