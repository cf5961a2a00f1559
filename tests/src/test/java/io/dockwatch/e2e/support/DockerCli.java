package io.dockwatch.e2e.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The docker command-line client, aimed at one engine through DOCKER_HOST. */
final class DockerCli {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);

  private final String host;

  DockerCli(String host) {
    this.host = host;
  }

  String host() {
    return host;
  }

  /** Runs {@code docker args...} and returns its stdout, or fails quoting its stderr. */
  String docker(String... args) {
    return run(TIMEOUT, args).stdoutOrFail();
  }

  /** Runs {@code docker args...} and returns how it ended, successful or not. */
  Command.Result attempt(String... args) {
    return run(TIMEOUT, args);
  }

  /** Whether an engine answers at {@link #host()}, its server side included. */
  boolean answers() {
    try {
      return run(PING_TIMEOUT, "version", "--format", "{{.Server.Version}}").succeeded();
    } catch (IllegalStateException timedOut) {
      return false;
    }
  }

  private Command.Result run(Duration timeout, String... args) {
    List<String> argv = new ArrayList<>(args.length + 1);
    argv.add("docker");
    argv.addAll(List.of(args));
    return Command.run(argv, Map.of("DOCKER_HOST", host), timeout);
  }
}
