package io.dockwatch.host;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockwatch.host.CgroupStats.CpuUsage;
import io.dockwatch.host.CgroupStats.DeviceIo;
import io.dockwatch.host.CgroupStats.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A container's usage as the engine's stats endpoint ({@code GET /containers/{id}/stats}) reports
 * it, in the shape {@link CgroupReader} gives: the engine reads the same cgroup files and passes
 * {@code memory.stat} on field by field, so both sources go through the same key mapping and feed
 * the same series.
 *
 * <p>The endpoint carries no OOM kill count ({@code memory.oom_control} and {@code memory.events}
 * are not passed on), so {@link MemoryUsage#oomKills()} is always absent here.
 *
 * @param networks the interfaces of the container's network namespace; empty for a container
 *     without one of its own
 */
public record EngineStats(CgroupStats cgroup, List<NetDevStat> networks) {

  public EngineStats {
    networks = List.copyOf(networks);
  }

  /**
   * The answer's usage; empty when it holds none, which is how the engine answers for a container
   * that is not running (its read time is the zero time).
   */
  public static Optional<EngineStats> parse(JsonNode stats) {
    if (stats.path("read").asText("").startsWith("0001-01-01")) {
      return Optional.empty();
    }
    Optional<CpuUsage> cpu = cpu(stats.path("cpu_stats"));
    Optional<MemoryUsage> memory = memory(stats.path("memory_stats"));
    if (cpu.isEmpty() && memory.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new EngineStats(
            new CgroupStats(cpu, memory, io(stats.path("blkio_stats")), Optional.empty()),
            networks(stats.path("networks"))));
  }

  /** CPU times, which the engine gives in nanoseconds under v1 and v2 alike. */
  private static Optional<CpuUsage> cpu(JsonNode cpu) {
    JsonNode usage = cpu.path("cpu_usage");
    if (!usage.path("total_usage").isNumber()) {
      return Optional.empty();
    }
    JsonNode throttling = cpu.path("throttling_data");
    return Optional.of(
        new CpuUsage(
            usage.path("total_usage").asLong(),
            usage.path("usage_in_usermode").asLong(0),
            usage.path("usage_in_kernelmode").asLong(0),
            throttling.path("periods").asLong(0),
            throttling.path("throttled_periods").asLong(0),
            throttling.path("throttled_time").asLong(0)));
  }

  /**
   * Memory from {@code usage} ({@code memory.usage_in_bytes} under v1, {@code memory.current} under
   * v2) and {@code stats}, the cgroup's {@code memory.stat}. Only v2 has an {@code anon} field,
   * which tells the two apart.
   */
  private static Optional<MemoryUsage> memory(JsonNode memory) {
    if (!memory.path("usage").isNumber()) {
      return Optional.empty();
    }
    long usage = memory.path("usage").asLong();
    Map<String, Long> stat = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : memory.path("stats").properties()) {
      if (field.getValue().isIntegralNumber()) {
        stat.put(field.getKey(), field.getValue().asLong());
      }
    }
    return Optional.of(
        stat.containsKey("anon")
            ? CgroupV2.memory(usage, stat, OptionalLong.empty())
            : CgroupV1.memory(usage, stat, OptionalLong.empty()));
  }

  /**
   * Block I/O per device, from the {@code _recursive} lists the engine fills from the same blkio
   * files (v1) or {@code io.stat} (v2, where it writes the operations in lower case). Devices stay
   * unnamed ({@code device} empty), since naming them takes the host's {@code /sys}, which an agent
   * that cannot read the cgroup files likely cannot read either.
   */
  private static List<DeviceIo> io(JsonNode blkio) {
    return CgroupV1.devices(
        byDevice(blkio.path("io_service_bytes_recursive")),
        byDevice(blkio.path("io_serviced_recursive")));
  }

  private static Map<String, Map<String, Long>> byDevice(JsonNode entries) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (JsonNode e : entries) {
      String op = e.path("op").asText("");
      if (op.isEmpty() || !e.path("value").isIntegralNumber()) {
        continue;
      }
      String operation = Character.toUpperCase(op.charAt(0)) + op.substring(1);
      out.computeIfAbsent(
              e.path("major").asLong() + ":" + e.path("minor").asLong(), d -> new LinkedHashMap<>())
          .put(operation, e.path("value").asLong());
    }
    return out;
  }

  /** The engine's counters per interface, under the column names of {@code /proc/net/dev}. */
  private static List<NetDevStat> networks(JsonNode networks) {
    List<NetDevStat> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : networks.properties()) {
      JsonNode n = e.getValue();
      out.add(new NetDevStat(e.getKey(), counters(n, "rx_"), counters(n, "tx_")));
    }
    return out;
  }

  private static Map<String, Long> counters(JsonNode n, String prefix) {
    return Map.of(
        "bytes", n.path(prefix + "bytes").asLong(0),
        "packets", n.path(prefix + "packets").asLong(0),
        "errs", n.path(prefix + "errors").asLong(0),
        "drop", n.path(prefix + "dropped").asLong(0));
  }
}
