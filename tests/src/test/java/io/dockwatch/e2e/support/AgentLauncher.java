package io.dockwatch.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts agents for one test, in a work folder of that test's own, and ends every one of them when
 * the test ends. Each agent's stdout and stderr are then left in the folder as {@code
 * agent-N.stdout} and {@code agent-N.stderr}, to read after a failure.
 */
public final class AgentLauncher implements AutoCloseable {
  /** The system property that names the built agent jar; tests/pom.xml sets it. */
  public static final String JAR_PROPERTY = "dockwatch.jar";

  private final List<String> javaCommand;
  private final Path workDir;
  private final List<AgentProcess> started = new ArrayList<>();

  AgentLauncher(List<String> javaCommand, Path workDir) {
    this.javaCommand = List.copyOf(javaCommand);
    this.workDir = workDir;
  }

  /**
   * A launcher of {@code java -Xmx64m -jar dockwatch.jar} with the unit's heap settings, the jar
   * named by {@value #JAR_PROPERTY}; {@code workDir} is emptied first.
   */
  public static AgentLauncher forJar(Path workDir) {
    String jar = System.getProperty(JAR_PROPERTY, "../agent/target/dockwatch.jar");
    Path path = Path.of(jar).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " is missing: build the agent first (mvn package)");
    }
    return new AgentLauncher(
        java(
            "-Xms8m",
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-jar",
            path.toString()),
        emptied(workDir));
  }

  /** This JVM's java launcher followed by {@code args}. */
  static List<String> java(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    return command;
  }

  static Path emptied(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    Command.deleteTree(absolute);
    try {
      return Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + absolute, e);
    }
  }

  /** The test's folder, where configurations, state and output go. */
  public Path workDir() {
    return workDir;
  }

  /** Writes (or rewrites, as a reload test does) {@code dockwatch.toml} in the work folder. */
  public Path writeConfig(String toml) {
    return writeConfig("dockwatch.toml", toml);
  }

  /** Writes {@code toml} to the file {@code name} in the work folder. */
  public Path writeConfig(String name, String toml) {
    Path file = workDir.resolve(name);
    try {
      return Files.writeString(file, toml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** A folder for {@code [agent] state_dir}, created empty on the first call. */
  public Path stateDir() {
    try {
      return Files.createDirectories(workDir.resolve("state"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts an agent with the arguments, such as {@code "run", "--config", path}. */
  public AgentProcess start(String... args) {
    List<String> command = new ArrayList<>(javaCommand);
    command.addAll(List.of(args));
    AgentProcess agent = AgentProcess.start(command, workDir);
    synchronized (started) {
      started.add(agent);
    }
    return agent;
  }

  /**
   * Starts {@code run} with the standard configuration, collecting host and container metrics every
   * second, and returns once the agent is connected to {@code engine}.
   */
  public AgentProcess startCollectingEverySecond(
      Engine engine, ForwardReceiver receiver, int httpPort) {
    String fast = "[metrics]\ncontainer_interval = \"1s\"\nhost_interval = \"1s\"\n";
    writeConfig(AgentConfigs.standard(engine, receiver, this, httpPort) + fast);
    AgentProcess agent = start("run", "--config", workDir.resolve("dockwatch.toml").toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));
    return agent;
  }

  /** Ends every agent this launcher started and keeps their output in the work folder. */
  @Override
  public void close() {
    List<AgentProcess> agents;
    synchronized (started) {
      agents = List.copyOf(started);
    }
    for (int i = 0; i < agents.size(); i++) {
      AgentProcess agent = agents.get(i);
      agent.close();
      keep("agent-" + (i + 1) + ".stdout", agent.stdout());
      keep("agent-" + (i + 1) + ".stderr", agent.stderr());
    }
  }

  private void keep(String name, List<String> lines) {
    try {
      Files.write(workDir.resolve(name), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
