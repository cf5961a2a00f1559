package io.dockwatch.e2e.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A dockerd of the tests' own: every path it writes (socket, data, exec state, pid file, log) is
 * under one fresh folder, it uses a bridge of its own and leaves the host's firewall alone, so it
 * runs beside any other engine on the machine. The folder also names the bridge in a file {@code
 * bridge}, so that a cleanup script can find what an aborted run left behind.
 */
final class PrivateDaemon implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final Bridge bridge;
  private final DockerCli cli;
  private final AtomicReference<Process> daemon = new AtomicReference<>();

  private PrivateDaemon(Path dir, Bridge bridge) {
    this.dir = dir;
    this.bridge = bridge;
    this.cli = new DockerCli("unix://" + dir.resolve("docker.sock"));
  }

  /** Creates a folder under {@code parent} and a bridge, starts dockerd and waits for it. */
  static PrivateDaemon start(Path parent) {
    Path dir;
    try {
      Files.createDirectories(parent);
      dir = Files.createTempDirectory(parent, "dwt-engine-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a folder for dockerd under " + parent, e);
    }
    Bridge bridge = Bridge.create();
    PrivateDaemon daemon = new PrivateDaemon(dir, bridge);
    try {
      // An empty file, so that a daemon.json of the machine's cannot change this engine.
      write(dir.resolve("daemon.json"), "{}\n");
      write(dir.resolve("bridge"), bridge.name() + "\n");
      daemon.launch();
      return daemon;
    } catch (RuntimeException e) {
      daemon.close();
      throw e;
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  String host() {
    return cli.host();
  }

  long pid() {
    return daemon.get().pid();
  }

  String bridgeName() {
    return bridge.name();
  }

  /** Stops dockerd by its PID, runs {@code whileDown}, then starts it on the same folder. */
  void restart(Runnable whileDown) {
    halt();
    try {
      whileDown.run();
    } finally {
      launch();
    }
  }

  private void launch() {
    List<String> argv =
        List.of(
            "dockerd",
            "--host=" + host(),
            "--data-root=" + dir.resolve("data"),
            "--exec-root=" + dir.resolve("exec"),
            "--pidfile=" + dir.resolve("docker.pid"),
            "--config-file=" + dir.resolve("daemon.json"),
            "--bridge=" + bridge.name(),
            "--iptables=false",
            "--ip6tables=false",
            "--ip-forward=false",
            // Containers that ignore SIGTERM would otherwise hold up every restart by 15 s.
            "--shutdown-timeout=2");
    Process process;
    try {
      process =
          new ProcessBuilder(argv)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start dockerd (package docker.io)", e);
    }
    daemon.set(process);
    try {
      await("dockerd at " + host())
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .failFast("dockerd exited", () -> !process.isAlive())
          .until(cli::answers);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new IllegalStateException(e.getMessage() + "; its log ends with:\n" + logTail(), e);
    }
  }

  /** Ends dockerd with SIGTERM by its PID, and SIGKILL if it has not gone in time. */
  private void halt() {
    Process process = daemon.get();
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Stops dockerd, deletes its bridge and its whole folder. */
  @Override
  public void close() {
    halt();
    bridge.close();
    unmountLeftovers();
    Command.deleteTree(dir);
  }

  // A dockerd that had to be killed can leave overlay and shm mounts that block the removal.
  private void unmountLeftovers() {
    try {
      Files.readAllLines(Path.of("/proc/self/mounts")).stream()
          .map(line -> line.split(" ")[1])
          .filter(point -> point.startsWith(dir.toString()))
          .sorted(Comparator.reverseOrder())
          .forEach(point -> Command.run(List.of("umount", "-l", point)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path log() {
    return dir.resolve("dockerd.log");
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
