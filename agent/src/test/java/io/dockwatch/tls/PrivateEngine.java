package io.dockwatch.tls;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Docker engine of the test's own, listening with {@code --tlsverify} on a TCP port of 127.0.0.1,
 * with its own directories and its own bridge (and no iptables rules), so that it runs beside any
 * other engine on the host. {@link #close()} stops exactly the process it started and removes the
 * bridge and the directories.
 */
final class PrivateEngine implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private final Path dir;
  private final String bridge;
  private final int port;
  private final List<String> problems = new ArrayList<>();
  private Process dockerd;

  private PrivateEngine(Path dir, String bridge, int port) {
    this.dir = dir;
    this.bridge = bridge;
    this.port = port;
  }

  /** Whether this host can run one: dockerd and ip installed, and we are root. */
  static boolean possible() {
    return run(List.of("dockerd", "--version")).exitCode() == 0
        && run(List.of("ip", "-V")).exitCode() == 0
        && run(List.of("id", "-u")).output().strip().equals("0");
  }

  /**
   * Starts an engine presenting {@code cert} and trusting clients signed by {@code ca}; returns
   * once it answers {@code ready}.
   *
   * @param bridge a bridge name owned by this test; a leftover of a crashed run is replaced
   * @param cidr the bridge's address, such as {@code 10.213.51.1/24}, unused by other engines
   */
  static PrivateEngine start(
      String bridge, String cidr, Path ca, Path cert, Path key, Predicate<URI> ready)
      throws IOException {
    Path dir = Files.createTempDirectory("dwh-engine-");
    PrivateEngine engine = new PrivateEngine(dir, bridge, freePort());
    try {
      engine.startBridge(cidr);
      engine.startDockerd(ca, cert, key);
      await("engine at " + engine.uri() + " (log: " + dir.resolve("dockerd.log") + ")")
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .until(() -> engine.alive() && ready.test(engine.uri()));
      return engine;
    } catch (RuntimeException | IOException e) {
      engine.close();
      throw e;
    }
  }

  private boolean alive() throws IOException {
    if (!dockerd.isAlive()) {
      throw new IllegalStateException(
          "dockerd exited with "
              + dockerd.exitValue()
              + ": "
              + Files.readString(dir.resolve("dockerd.log")));
    }
    return true;
  }

  URI uri() {
    return URI.create("tcp://127.0.0.1:" + port);
  }

  private void startBridge(String cidr) {
    if (run(List.of("ip", "link", "show", bridge)).exitCode() == 0) {
      must(List.of("ip", "link", "delete", bridge));
    }
    must(List.of("ip", "link", "add", "name", bridge, "type", "bridge"));
    must(List.of("ip", "addr", "add", cidr, "dev", bridge));
    must(List.of("ip", "link", "set", bridge, "up"));
  }

  private void startDockerd(Path ca, Path cert, Path key) throws IOException {
    Files.writeString(dir.resolve("daemon.json"), "{}\n");
    List<String> command =
        List.of(
            "dockerd",
            "--host=" + "tcp://127.0.0.1:" + port,
            "--tlsverify",
            "--tlscacert=" + ca,
            "--tlscert=" + cert,
            "--tlskey=" + key,
            "--data-root=" + dir.resolve("data"),
            "--exec-root=" + dir.resolve("exec"),
            "--pidfile=" + dir.resolve("docker.pid"),
            "--config-file=" + dir.resolve("daemon.json"),
            "--bridge=" + bridge,
            "--iptables=false",
            "--ip6tables=false",
            "--ip-forward=false",
            "--shutdown-timeout=2");
    dockerd =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("dockerd.log").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
  }

  /** Stops the engine by its process, then removes the bridge and the directories. */
  @Override
  public void close() {
    if (dockerd != null && dockerd.isAlive()) {
      dockerd.destroy();
      try {
        if (!dockerd.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          problems.add("dockerd pid " + dockerd.pid() + " ignored SIGTERM; killed");
          dockerd.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (run(List.of("ip", "link", "show", bridge)).exitCode() == 0) {
      Result removed = run(List.of("ip", "link", "delete", bridge));
      if (removed.exitCode() != 0) {
        problems.add("bridge " + bridge + " left behind: " + removed.output());
      }
    }
    deleteTree(dir);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
  }

  private void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      problems.add("cannot remove " + root + ": " + e.getMessage());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private record Result(int exitCode, String output) {}

  private static void must(List<String> command) {
    Result result = run(command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
    }
  }

  private static Result run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(p.waitFor(), output);
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}
