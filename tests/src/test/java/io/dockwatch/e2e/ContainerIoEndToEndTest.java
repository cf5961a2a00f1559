package io.dockwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A container's block I/O and its tasks' states as a scraper sees them: what the kernel counts for
 * a real container's cgroup reaches {@code container_fs_*} and {@code container_tasks_state}.
 */
@ExtendWith(E2eExtension.class)
class ContainerIoEndToEndTest {
  private static final String WRITE_BYTES = "container_fs_writes_bytes_total";
  private static final String WRITES = "container_fs_writes_total";
  private static final String TASKS = "container_tasks_state";
  private static final List<String> STATES =
      List.of("iowaiting", "running", "sleeping", "stopped", "uninterruptible");
  private static final double MIB = 1024 * 1024;

  /**
   * Why the write limit: on cgroup v1 since Linux 6.10 the kernel counts a cgroup's I/O on a disk
   * ({@code blkio.throttle.io_service_bytes}) only once its throttling layer is set up for that
   * disk, which the first I/O limit any cgroup gets there does. Without one, 16 MiB written with
   * O_DIRECT into a container on the data root's disk left the files at {@code Total 0} (Linux
   * 6.18, overlay2 on ext4 on virtio). A limit that no write reaches sets the layer up for good;
   * cgroup v2 counts in {@code io.stat} with or without it.
   */
  @Test
  void fsWrites_containerWritesSixteenMebibytesDirect_growBySixteenMebibytes(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) throws IOException {
    String disk = dataRootDisk(engine);
    int http = AgentConfigs.freePort();
    AgentProcess agent = agents.startCollectingEverySecond(engine, receiver, http);
    engine.run(
        "--name", "dwm-dd", "--device-write-bps", disk + ":1tb", Engine.IMAGE, "sleep", "600");
    HttpReply idle = agent.awaitGet(http, "/metrics", r -> !states(r, "dwm-dd").isEmpty());
    double bytesBefore = onDisk(idle, WRITE_BYTES, "dwm-dd", disk).orElse(0);
    double writesBefore = onDisk(idle, WRITES, "dwm-dd", disk).orElse(0);

    engine.docker(
        "exec",
        "dwm-dd",
        "busybox",
        "dd",
        "if=/dev/zero",
        "of=/f",
        "bs=1M",
        "count=16",
        "oflag=direct");
    HttpReply after =
        agent.awaitGet(
            http,
            "/metrics",
            r -> onDisk(r, WRITE_BYTES, "dwm-dd", disk).orElse(0) >= bytesBefore + 16 * MIB);

    double bytes = onDisk(after, WRITE_BYTES, "dwm-dd", disk).getAsDouble() - bytesBefore;
    double writes = onDisk(after, WRITES, "dwm-dd", disk).getAsDouble() - writesBefore;
    System.out.printf(
        "dd of 16 MiB with O_DIRECT on %s: %.3f MiB in %.0f writes counted%n",
        disk, bytes / MIB, writes);
    // Direct I/O reaches the disk as written; the file system's journal and metadata are written
    // by kernel threads outside the container's cgroup. So 16 MiB and little more: 1 MiB at most,
    // in at least one request per 1 MiB block and none smaller than a 4 KiB page.
    assertThat(bytes).isBetween(16 * MIB, 17 * MIB);
    assertThat(writes).isBetween(16.0, 16 * MIB / 4096);
  }

  @Test
  void tasksState_sleepingThenOneStopped_countsEachTaskInItsState(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    engine.run(
        "--name", "dwm-tasks", Engine.IMAGE, "sh", "-c", "sleep 600 & echo $! > /sleeper; wait");
    int http = AgentConfigs.freePort();
    AgentProcess agent = agents.startCollectingEverySecond(engine, receiver, http);
    HttpReply sleeping =
        agent.awaitGet(
            http, "/metrics", r -> states(r, "dwm-tasks").getOrDefault("sleeping", 0.0) == 2);

    engine.docker("exec", "dwm-tasks", "sh", "-c", "kill -STOP $(cat /sleeper)");
    HttpReply stopped =
        agent.awaitGet(
            http, "/metrics", r -> states(r, "dwm-tasks").getOrDefault("stopped", 0.0) == 1);

    assertThat(states(sleeping, "dwm-tasks"))
        .isEqualTo(
            Map.of(
                "iowaiting", 0.0,
                "running", 0.0,
                "sleeping", 2.0,
                "stopped", 0.0,
                "uninterruptible", 0.0));
    assertThat(states(stopped, "dwm-tasks"))
        .containsEntry("sleeping", 1.0)
        .containsEntry("stopped", 1.0)
        .containsOnlyKeys(STATES);
  }

  /** The container's {@code container_tasks_state} values by state; empty before it is seen. */
  private static Map<String, Double> states(HttpReply reply, String name) {
    Map<String, Double> out = new TreeMap<>();
    String lines = String.join("\n", SeriesLines.of(reply.body(), TASKS, "name", name));
    for (String state : STATES) {
      SeriesLines.value(lines, TASKS, "state", state).ifPresent(v -> out.put(state, v));
    }
    return out;
  }

  private static OptionalDouble onDisk(HttpReply reply, String metric, String name, String disk) {
    String lines = String.join("\n", SeriesLines.of(reply.body(), metric, "name", name));
    return SeriesLines.value(lines, metric, "device", disk);
  }

  /**
   * The disk that holds the engine's data root, as {@code /dev/<name>}: the whole disk when the
   * root is on a partition, since the kernel counts a cgroup's I/O per disk.
   */
  private static String dataRootDisk(Engine engine) throws IOException {
    Path root = Path.of(engine.docker("info", "--format", "{{.DockerRootDir}}").strip());
    long dev = (Long) Files.getAttribute(root, "unix:dev");
    long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & 0xfffff000L);
    long minor = (dev & 0xff) | ((dev >>> 12) & 0xffffff00L);
    Path block = Path.of("/sys/dev/block/" + major + ":" + minor);
    assumeTrue(Files.exists(block), root + " is on no block device, but on " + block);
    Path device = block.toRealPath();
    if (Files.exists(device.resolve("partition"))) {
      device = device.getParent();
    }
    for (String line : Files.readAllLines(device.resolve("uevent"))) {
      if (line.startsWith("DEVNAME=")) {
        return "/dev/" + line.substring("DEVNAME=".length());
      }
    }
    throw new IllegalStateException(device + " has no DEVNAME");
  }
}
