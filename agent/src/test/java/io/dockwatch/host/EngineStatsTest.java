package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockwatch.host.CgroupStats.CpuUsage;
import io.dockwatch.host.CgroupStats.DeviceIo;
import io.dockwatch.host.CgroupStats.MemoryUsage;
import io.dockwatch.testing.Fixtures;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The stats endpoint's answers, recorded from a real engine on cgroup v1, mapped to usage. */
class EngineStatsTest {

  @Test
  void parse_runningContainerOnCgroupV1_mapsAsTheCgroupFilesWould() {
    JsonNode answer = Fixtures.stats("v1-running");

    EngineStats stats = EngineStats.parse(answer).orElseThrow();

    assertThat(stats.cgroup().cpu())
        .contains(new CpuUsage(2629976505L, 2530000000L, 90000000L, 76, 15, 296965440L));
    assertThat(stats.cgroup().memory())
        .contains(
            new MemoryUsage(
                26738688, 122880, 25427968, 0, 25165824, 2002, 0, 2002, 0, OptionalLong.empty()));
    assertThat(stats.cgroup().memory().orElseThrow().workingSet()).isEqualTo(26738688 - 25165824);
  }

  @Test
  void parse_runningContainerOnCgroupV1_readsInterfacesUnderProcNetDevNames() {
    JsonNode answer = Fixtures.stats("v1-running");

    EngineStats stats = EngineStats.parse(answer).orElseThrow();

    assertThat(stats.networks())
        .containsExactly(
            new NetDevStat(
                "eth0",
                Map.of("bytes", 7210L, "packets", 104L, "errs", 0L, "drop", 0L),
                Map.of("bytes", 797225L, "packets", 134L, "errs", 0L, "drop", 0L)));
  }

  @Test
  void parse_containerWithoutNetwork_hasUsageAndNoInterfaces() {
    JsonNode answer = Fixtures.stats("v1-network-none");

    EngineStats stats = EngineStats.parse(answer).orElseThrow();

    assertThat(stats.networks()).isEmpty();
    assertThat(stats.cgroup().cpu()).isPresent();
    assertThat(stats.cgroup().memory().orElseThrow().usage()).isEqualTo(323584);
  }

  @Test
  void parse_stoppedContainer_hasNoUsage() {
    JsonNode answer = Fixtures.stats("v1-stopped");

    Optional<EngineStats> stats = EngineStats.parse(answer);

    assertThat(stats).isEmpty();
  }

  // Written by hand with the fields of a cgroup v2 memory.stat, since the engine here runs on v1.
  @Test
  void parse_cgroupV2MemoryStat_takesAnonAndFileAsTheV2FilesWould() throws Exception {
    JsonNode answer =
        new ObjectMapper()
            .readTree(
                """
                {"read": "2026-12-04T19:03:26.6Z",
                 "cpu_stats": {"cpu_usage": {"total_usage": 5000, "usage_in_usermode": 3000,
                                             "usage_in_kernelmode": 2000}},
                 "memory_stats": {"usage": 9000, "stats": {"anon": 4000, "file": 3000,
                   "file_mapped": 100, "inactive_file": 2500, "pgfault": 7, "pgmajfault": 1}}}
                """);

    EngineStats stats = EngineStats.parse(answer).orElseThrow();

    assertThat(stats.cgroup().memory())
        .contains(new MemoryUsage(9000, 4000, 3000, 100, 2500, 7, 1, 7, 1, OptionalLong.empty()));
    assertThat(stats.cgroup().cpu()).contains(new CpuUsage(5000, 3000, 2000, 0, 0, 0));
  }

  // The shape the engine writes under cgroup v2: operations in lower case, a device listed once.
  @Test
  void parse_blkioLists_giveBytesAndRequestsPerUnnamedDevice() throws Exception {
    JsonNode answer =
        new ObjectMapper()
            .readTree(
                """
                {"read": "2026-12-04T19:03:26.6Z",
                 "cpu_stats": {"cpu_usage": {"total_usage": 5000}},
                 "blkio_stats": {
                   "io_service_bytes_recursive": [
                     {"major": 8, "minor": 0, "op": "read", "value": 4096},
                     {"major": 8, "minor": 0, "op": "write", "value": 16777216}],
                   "io_serviced_recursive": [
                     {"major": 8, "minor": 0, "op": "read", "value": 1},
                     {"major": 8, "minor": 0, "op": "write", "value": 32}]}}
                """);

    EngineStats stats = EngineStats.parse(answer).orElseThrow();

    assertThat(stats.cgroup().io())
        .containsExactly(
            new DeviceIo(
                8,
                0,
                "",
                Map.of("Read", 4096L, "Write", 16777216L),
                Map.of("Read", 1L, "Write", 32L)));
  }
}
