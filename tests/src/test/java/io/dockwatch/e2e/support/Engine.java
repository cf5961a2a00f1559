package io.dockwatch.e2e.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real Docker engine the end-to-end tests run containers on. It is the engine DOCKER_HOST names
 * when one answers there; otherwise a private dockerd that this JVM starts, under a fresh folder in
 * DOCKWATCH_E2E_TMP (or the system's temporary folder), and stops when it exits.
 *
 * <p>Tests label every container they start with {@value #TEST_LABEL}, which {@link #run} does for
 * them, so that {@link #removeTestContainers()} removes what they left and nothing else. The image
 * is always {@value #IMAGE}; nothing is ever pulled.
 */
public final class Engine implements AutoCloseable {
  /** The label of every container a test starts. */
  public static final String TEST_LABEL = "dockwatch.test=1";

  /** The image every test container runs. */
  public static final String IMAGE = TestImage.NAME;

  private final DockerCli cli;
  private final Optional<PrivateDaemon> daemon;
  private final Duration startup;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Engine(DockerCli cli, Optional<PrivateDaemon> daemon, Duration startup) {
    this.cli = cli;
    this.daemon = daemon;
    this.startup = startup;
  }

  /**
   * Connects to DOCKER_HOST's engine or starts a private one, and imports the test image. A private
   * engine is also stopped by a shutdown hook, should the test run end without {@link #close()}.
   */
  public static Engine startOrConnect() {
    long began = System.nanoTime();
    String given = System.getenv("DOCKER_HOST");
    Engine engine;
    if (given != null && !given.isBlank() && new DockerCli(given).answers()) {
      engine = new Engine(new DockerCli(given), Optional.empty(), Duration.ZERO);
    } else {
      PrivateDaemon started = PrivateDaemon.start(parentFolder());
      Duration startup = Duration.ofNanos(System.nanoTime() - began);
      engine = new Engine(new DockerCli(started.host()), Optional.of(started), startup);
      Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "engine-stop"));
    }
    try {
      TestImage.ensure(engine.cli);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  private static Path parentFolder() {
    String chosen = System.getenv("DOCKWATCH_E2E_TMP");
    return Path.of(chosen != null ? chosen : System.getProperty("java.io.tmpdir"));
  }

  /** Where the engine listens, as DOCKER_HOST and the agent's {@code [docker] host} spell it. */
  public String host() {
    return cli.host();
  }

  /** Whether this JVM started the engine, and so can restart it. */
  public boolean isPrivate() {
    return daemon.isPresent();
  }

  /** How long the private engine took to answer after its start; zero for an engine given. */
  public Duration startup() {
    return startup;
  }

  /** The private engine's dockerd PID. */
  public long pid() {
    return privateDaemon().pid();
  }

  /** The private engine's bridge, such as {@code dwt3}. */
  public String bridge() {
    return privateDaemon().bridgeName();
  }

  /** Runs the docker CLI against this engine; returns stdout, or fails quoting stderr. */
  public String docker(String... args) {
    return cli.docker(args);
  }

  /**
   * Starts a detached, labelled container: {@code docker run -d --label dockwatch.test=1 args}. The
   * arguments are options, then the image (usually {@link #IMAGE}) and its command.
   *
   * @return the container's full id
   */
  public String run(String... args) {
    List<String> argv = new ArrayList<>(List.of("run", "-d", "--label", TEST_LABEL));
    argv.addAll(List.of(args));
    return cli.docker(argv.toArray(String[]::new));
  }

  /** Removes, with their anonymous volumes, every container that carries {@value #TEST_LABEL}. */
  public void removeTestContainers() {
    String ids = cli.docker("ps", "-aq", "--filter", "label=" + TEST_LABEL);
    if (ids.isBlank()) {
      return;
    }
    List<String> argv = new ArrayList<>(List.of("rm", "-f", "-v"));
    argv.addAll(List.of(ids.split("\\s+")));
    cli.docker(argv.toArray(String[]::new));
  }

  /** Stops the private dockerd by its PID and starts it again on the same folder and socket. */
  public void restart() {
    restart(() -> {});
  }

  /**
   * Like {@link #restart()}, running {@code whileDown} while no engine listens, to observe how a
   * client copes with the engine's absence.
   */
  public void restart(Runnable whileDown) {
    privateDaemon().restart(whileDown);
  }

  private PrivateDaemon privateDaemon() {
    return daemon.orElseThrow(
        () -> new UnsupportedOperationException("the engine at " + host() + " is not ours"));
  }

  /** Removes the test containers; a private engine is then stopped, its bridge and folder gone. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      removeTestContainers();
    } finally {
      daemon.ifPresent(PrivateDaemon::close);
    }
  }
}
