package io.dockwatch.e2e.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/** Runs a short host command to completion and keeps what it printed. */
final class Command {
  private Command() {}

  /** What a finished command printed, and how it ended. */
  record Result(List<String> argv, int exitCode, String stdout, String stderr) {
    Result {
      argv = List.copyOf(argv);
    }

    boolean succeeded() {
      return exitCode == 0;
    }

    /** Stdout without its trailing newline, or a failure that quotes stderr. */
    String stdoutOrFail() {
      if (!succeeded()) {
        throw new IllegalStateException(
            String.join(" ", argv) + " exited " + exitCode + ": " + stderr.strip());
      }
      return stdout.stripTrailing();
    }
  }

  /**
   * Runs {@code argv} with extra environment variables, closing its stdin at once.
   *
   * @param timeout the command is killed, and this call fails, when it runs longer
   */
  static Result run(List<String> argv, Map<String, String> env, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + argv.get(0), e);
    }
    // Both pipes are drained at once so that a chatty stderr cannot stall the command.
    FutureTask<String> out = drain(process.getInputStream());
    FutureTask<String> err = drain(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(
            String.join(" ", argv) + " did not finish within " + timeout);
      }
      return new Result(argv, process.exitValue(), out.get(), err.get());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + argv.get(0), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the output of " + argv.get(0), e.getCause());
    }
  }

  static Result run(List<String> argv) {
    return run(argv, Map.of(), Duration.ofSeconds(60));
  }

  /** Deletes a folder and all below it, as root may own files there that a container wrote. */
  static void deleteTree(Path dir) {
    run(List.of("rm", "-rf", "--one-file-system", dir.toString())).stdoutOrFail();
  }

  // A thread of its own per pipe: the common pool may have a single worker on a small machine.
  private static FutureTask<String> drain(InputStream stream) {
    FutureTask<String> task =
        new FutureTask<>(
            () -> {
              try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
              }
            });
    Thread reader = new Thread(task, "command-output");
    reader.setDaemon(true);
    reader.start();
    return task;
  }
}
