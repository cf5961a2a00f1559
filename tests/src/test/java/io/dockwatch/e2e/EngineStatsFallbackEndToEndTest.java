package io.dockwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.CpuRate;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.ForwardReceiver;
import io.dockwatch.e2e.support.HttpReply;
import io.dockwatch.e2e.support.SeriesLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent without the host's cgroup files, as in a container that does not mount {@code
 * /sys/fs/cgroup}: its host root is the host's own {@code /proc} and an empty {@code
 * /sys/fs/cgroup}, so every running container's usage must come from the engine's stats endpoint.
 */
@ExtendWith(E2eExtension.class)
class EngineStatsFallbackEndToEndTest {
  private static final String IMAGE = Engine.IMAGE;
  private static final String USAGE = "container_memory_usage_bytes";
  private static final String ANSWERED = "dockwatch_engine_stats_calls_total{outcome=\"answered\"}";

  /**
   * Longer than with the cgroup files: the engine takes its readings at a tick of its own, a second
   * or two before the agent serves them (more on a busy host), and a long window shrinks what that
   * jitter does to the rate.
   */
  private static final Duration RATE_WINDOW = Duration.ofSeconds(20);

  /** A host root with the host's processes and no cgroup tree. */
  private static Path rootWithoutCgroups(AgentLauncher agents) {
    Path root = agents.workDir().resolve("host-root");
    try {
      Files.createDirectories(root.resolve("sys/fs/cgroup"));
      Files.createSymbolicLink(root.resolve("proc"), Path.of("/proc"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  /** The standard configuration on its own state folder, collecting every second. */
  private static String config(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents, int http, String state) {
    return AgentConfigs.standard(engine, receiver, agents, http)
            .replace(agents.stateDir().toString(), agents.workDir().resolve(state).toString())
        + "[metrics]\ncontainer_interval = \"1s\"\nhost_interval = \"5s\"\n";
  }

  private static AgentProcess start(AgentLauncher agents, String name, String toml) {
    Path file = agents.writeConfig(name + ".toml", toml);
    AgentProcess agent = agents.start("run", "--config", file.toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));
    return agent;
  }

  private static AgentProcess startWithoutCgroups(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents, int http) {
    String hostRoot = "host_root = \"" + rootWithoutCgroups(agents) + "\"\n";
    String toml =
        config(engine, receiver, agents, http, "state-fallback")
            .replace("[agent]\n", "[agent]\n" + hostRoot);
    return start(agents, "fallback", toml);
  }

  @Test
  void cpuUsage_cgroupFilesUnreadable_comesFromTheEngineAtAboutOneCore(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    int http = AgentConfigs.freePort();
    AgentProcess agent = startWithoutCgroups(engine, receiver, agents, http);
    engine.run("--name", "dwf-spin", IMAGE, "sh", "-c", "while :; do :; done");

    CpuRate.Cores cores = CpuRate.of(engine, agent, http, "dwf-spin").over(RATE_WINDOW);
    HttpReply reply = agent.get(http, "/metrics");

    System.out.printf(
        "spinning container, usage from the engine, over %.2f s: %.3f cores scraped, %.3f cores"
            + " by the kernel%n",
        cores.seconds(), cores.scraped(), cores.kernel());
    assertThat(cores.scraped())
        .isLessThanOrEqualTo(1.25)
        .isBetween(0.75 * cores.kernel(), 1.25 * cores.kernel());
    assertThat(SeriesLines.value(reply.body(), USAGE, "name", "dwf-spin").orElse(0)).isPositive();
    assertThat(reply.body()).contains("container_scrape_error 0.0");
    assertThat(counter(reply, ANSWERED)).isPositive();
  }

  /**
   * Two agents watch the same container, one reading its cgroup files and one asking the engine: a
   * dashboard must find the same series in both. The engine gives no OOM kill count, and the agent
   * without the host's files has no writable layers to walk.
   */
  @Test
  void containerSeries_fromTheEngineOrFromTheFiles_haveTheSameNamesAndLabels(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    int filesPort = AgentConfigs.freePort();
    int enginePort = AgentConfigs.freePort();
    AgentProcess files = start(agents, "files", config(engine, receiver, agents, filesPort, "s1"));
    AgentProcess fromEngine = startWithoutCgroups(engine, receiver, agents, enginePort);
    engine.run("--name", "dwf-same", IMAGE, "sleep", "600");

    Set<String> fileSeries = series(awaitUsage(files, filesPort));
    Set<String> engineSeries = series(awaitUsage(fromEngine, enginePort));

    System.out.printf(
        "dwf-same: %d series from the files, %d from the engine%n",
        fileSeries.size(), engineSeries.size());
    assertThat(fileSeries).hasSizeGreaterThan(25);
    // The engine gives no OOM count and no task states, and names no block device; the writable
    // layer's size comes from neither source. Every other series must match.
    assertThat(withoutSourceSpecific(engineSeries))
        .isEqualTo(withoutSourceSpecific(fileSeries))
        .hasSizeGreaterThan(20);
  }

  private static Set<String> withoutSourceSpecific(Set<String> series) {
    return series.stream()
        .filter(s -> !s.startsWith("container_oom_events_total{"))
        .filter(s -> !s.startsWith("container_tasks_state{"))
        .filter(s -> !s.startsWith("container_fs_"))
        .filter(s -> !s.startsWith("container_blkio_"))
        .collect(Collectors.toSet());
  }

  private static HttpReply awaitUsage(AgentProcess agent, int port) {
    return agent.awaitGet(
        port,
        "/metrics",
        r ->
            SeriesLines.value(r.body(), USAGE, "name", "dwf-same").isPresent()
                && SeriesLines.value(
                        r.body(), "container_network_receive_bytes_total", "name", "dwf-same")
                    .isPresent());
  }

  /** The container's series, each as its name and labels without the value. */
  private static Set<String> series(HttpReply reply) {
    return reply
        .body()
        .lines()
        .filter(line -> line.startsWith("container_") && line.contains("name=\"dwf-same\""))
        .map(line -> line.substring(0, line.lastIndexOf('}') + 1))
        .collect(Collectors.toSet());
  }

  private static double counter(HttpReply reply, String series) {
    return reply
        .body()
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(SeriesLines::valueOf)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + series));
  }
}
