package io.dockwatch.e2e.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The agent running as a process of its own, as an operator runs it. Its stdout (one JSON object
 * per line for each finding) and stderr (its log) are kept line by line as they arrive.
 *
 * <p>DOCKER_HOST is removed from its environment, so that only its configuration decides which
 * engine it watches. {@link #close()} ends it whatever state it is in.
 */
public final class AgentProcess implements AutoCloseable {
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final OutputLines stdout;
  private final OutputLines stderr;
  private final LocalHttp http = new LocalHttp();

  private AgentProcess(Process process) {
    this.process = process;
    this.stdout = OutputLines.follow(process.getInputStream(), "agent-stdout-" + process.pid());
    this.stderr = OutputLines.follow(process.getErrorStream(), "agent-stderr-" + process.pid());
  }

  /** Starts {@code command} in {@code workDir}, with stdin closed. */
  static AgentProcess start(List<String> command, Path workDir) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().remove("DOCKER_HOST");
    // As the unit runs it: two malloc arenas, not one per thread.
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    try {
      return new AgentProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The stdout lines so far. */
  public List<String> stdout() {
    return stdout.lines();
  }

  /** The stderr lines so far: the agent's log. */
  public List<String> stderr() {
    return stderr.lines();
  }

  /** Waits up to 30 s for a stdout line that matches, and returns the first such. */
  public String awaitStdout(Predicate<String> match) {
    return awaitLine(stdout, "stdout", match, DEFAULT_WAIT);
  }

  public String awaitStdout(Predicate<String> match, Duration timeout) {
    return awaitLine(stdout, "stdout", match, timeout);
  }

  /** Waits up to 30 s for a log line that matches, and returns the first such. */
  public String awaitStderr(Predicate<String> match) {
    return awaitLine(stderr, "stderr", match, DEFAULT_WAIT);
  }

  // Gives up early once the stream has ended without a match: no such line can come any more.
  private String awaitLine(
      OutputLines output, String name, Predicate<String> match, Duration timeout) {
    return await("a matching line on the agent's " + name)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .failFast(
            "the agent's " + name + " ended without a matching line",
            () -> output.ended() && output.lines().stream().noneMatch(match))
        .until(() -> output.lines().stream().filter(match).findFirst(), found -> found.isPresent())
        .orElseThrow();
  }

  /** GET http://127.0.0.1:{@code port}{@code path}, once. */
  public HttpReply get(int port, String path) {
    return http.get(port, path);
  }

  /** Polls GET until a reply satisfies {@code until}, for up to 30 s. */
  public HttpReply awaitGet(int port, String path, Predicate<HttpReply> until) {
    return http.awaitGet(port, path, until, DEFAULT_WAIT);
  }

  /**
   * Sends SIGTERM and waits for the exit, as a service manager stops the agent.
   *
   * @return the exit code
   * @throws AssertionError when the agent is still running 30 s later; it is then killed
   */
  public int stop() {
    // Through the handle: Process.destroy() also closes our ends of the pipes, which would lose
    // the lines the agent writes while it shuts down.
    process.toHandle().destroy();
    if (!waitFor(STOP_TIMEOUT)) {
      kill();
      throw new AssertionError("the agent ignored SIGTERM for " + STOP_TIMEOUT + "; killed it");
    }
    return exitCodeAfterOutput();
  }

  /** Sends SIGHUP, as {@code systemctl reload} does, and returns at once. */
  public void hangUp() {
    Command.run(List.of("kill", "-HUP", Long.toString(pid()))).stdoutOrFail();
  }

  /** Sends SIGKILL, as a crash or the OOM killer would, and returns the exit code. */
  public int kill() {
    process.toHandle().destroyForcibly();
    waitFor(STOP_TIMEOUT);
    return exitCodeAfterOutput();
  }

  /**
   * Waits for a command that ends by itself, such as {@code audit}, and returns its exit code.
   *
   * @throws AssertionError when it is still running after {@code timeout}; it is then killed
   */
  public int awaitExit(Duration timeout) {
    if (!waitFor(timeout)) {
      kill();
      throw new AssertionError("the agent was still running after " + timeout + "; killed it");
    }
    return exitCodeAfterOutput();
  }

  /** The exit code, once the process has ended. */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /** The resident set size in KiB, from VmRSS in /proc/PID/status. */
  public long residentKib() {
    try {
      return vmRssKib(Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the status of PID " + pid(), e);
    }
  }

  static long vmRssKib(List<String> status) {
    return status.stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .map(line -> line.substring("VmRSS:".length()).trim().split("\\s+"))
        .filter(words -> words.length == 2 && words[1].equals("kB"))
        .mapToLong(words -> Long.parseLong(words[0]))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no VmRSS in kB in " + status));
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // After the exit, the last lines may still be in the pipes: read them before anyone looks.
  private int exitCodeAfterOutput() {
    stdout.awaitEnd(Duration.ofSeconds(5));
    stderr.awaitEnd(Duration.ofSeconds(5));
    return process.exitValue();
  }

  /** Ends the agent: SIGTERM, then SIGKILL if it has not gone within 30 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.toHandle().destroy();
    if (!waitFor(STOP_TIMEOUT)) {
      process.toHandle().destroyForcibly();
      waitFor(STOP_TIMEOUT);
    }
  }
}
