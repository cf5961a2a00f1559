package io.dockwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.ForwardReceiver;
import io.dockwatch.e2e.support.HttpReply;
import io.dockwatch.e2e.support.SeriesLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the agent reports beside a container's usage, on real parts: the size of a container's
 * writable layer as its processes write to it, and the versions of the kernel, the system, the
 * engine and the agent.
 */
@ExtendWith(E2eExtension.class)
class ContainerFsEndToEndTest {
  private static final String FS_USAGE = "container_fs_usage_bytes";
  private static final String FS_LIMIT = "container_fs_limit_bytes";
  private static final long MIB = 1024 * 1024;
  private static final Duration FS_INTERVAL = Duration.ofSeconds(3);
  private static final Pattern DEVICE = Pattern.compile("[{,]device=\"([^\"]*)\"");

  private static AgentProcess startAgent(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents, int http) {
    String metrics =
        "[metrics]\ncontainer_interval = \"1s\"\nhost_interval = \"1s\"\ncontainer_fs_interval ="
            + " \""
            + FS_INTERVAL.toSeconds()
            + "s\"\n";
    agents.writeConfig(AgentConfigs.standard(engine, receiver, agents, http) + metrics);
    AgentProcess agent =
        agents.start("run", "--config", agents.workDir().resolve("dockwatch.toml").toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));
    return agent;
  }

  private static double fsUsage(HttpReply reply) {
    return SeriesLines.value(reply.body(), FS_USAGE, "name", "dwl-writer").orElse(-1);
  }

  @Test
  void fsUsage_containerWritesEightMebibytes_growsByThemWithinTheInterval(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    int http = AgentConfigs.freePort();
    AgentProcess agent = startAgent(engine, receiver, agents, http);
    engine.run("--name", "dwl-writer", Engine.IMAGE, "sleep", "600");
    double before = fsUsage(agent.awaitGet(http, "/metrics", r -> fsUsage(r) >= 0));

    engine.docker(
        "exec", "dwl-writer", "busybox", "dd", "if=/dev/zero", "of=/data.bin", "bs=1M", "count=8");
    long written = System.nanoTime();
    HttpReply after = agent.awaitGet(http, "/metrics", r -> fsUsage(r) >= before + 7 * MIB);
    Duration seen = Duration.ofNanos(System.nanoTime() - written);

    double grown = fsUsage(after) - before;
    String limitLine = SeriesLines.of(after.body(), FS_LIMIT, "name", "dwl-writer").get(0);
    Matcher device = DEVICE.matcher(limitLine);
    assertThat(device.find()).isTrue();
    List<Double> sizes =
        SeriesLines.of(after.body(), "node_filesystem_size_bytes", "device", device.group(1))
            .stream()
            .map(SeriesLines::valueOf)
            .toList();
    System.out.printf(
        "writable layer grew by %.0f bytes, seen %d ms after the write; device %s%n",
        grown, seen.toMillis(), device.group(1));
    assertThat(grown).isBetween(8.0 * MIB, 8.0 * MIB + 4096);
    assertThat(seen).isLessThan(FS_INTERVAL.plusSeconds(3));
    assertThat(sizes).contains(SeriesLines.valueOf(limitLine));
  }

  @Test
  void versionInfo_connectedAgent_namesKernelSystemEngineAndAgent(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) throws IOException {
    int http = AgentConfigs.freePort();
    AgentProcess agent = startAgent(engine, receiver, agents, http);
    String engineVersion = engine.docker("version", "-f", "{{.Server.Version}}").strip();
    String kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();

    HttpReply reply =
        agent.awaitGet(
            http, "/metrics", r -> r.body().contains("dockerVersion=\"" + engineVersion + "\""));

    List<String> info =
        SeriesLines.of(reply.body(), "cadvisor_version_info", "kernelVersion", kernel);
    assertThat(info)
        .singleElement()
        .asString()
        .contains("dockerVersion=\"" + engineVersion + "\"")
        .contains("cadvisorVersion=\"" + agentVersion(agents) + "\"")
        .endsWith(" 1.0");
  }

  @Test
  void versionInfo_engineNeverAnswered_isThereWithoutTheEngineVersion(AgentLauncher agents) {
    int http = AgentConfigs.freePort();
    Path state = agents.stateDir();
    agents.writeConfig(
        """
        [agent]
        state_dir = "%s"
        [docker]
        host = "unix://%s/no-engine.sock"
        [http]
        listen = "127.0.0.1:%d"
        [fluentd]
        enabled = false
        """
            .formatted(state, state, http));
    AgentProcess agent =
        agents.start("run", "--config", agents.workDir().resolve("dockwatch.toml").toString());

    HttpReply reply =
        agent.awaitGet(http, "/metrics", r -> r.body().contains("cadvisor_version_info{"));

    assertThat(SeriesLines.of(reply.body(), "cadvisor_version_info", "dockerVersion", ""))
        .hasSize(1);
  }

  private static String agentVersion(AgentLauncher agents) {
    AgentProcess version = agents.start("--version");
    version.awaitExit(Duration.ofSeconds(30));
    return version.stdout().get(0).substring("dockwatch ".length());
  }
}
