package io.dockwatch.e2e.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's container events as a second client sees them: {@code docker events} following the
 * stream from a given moment, one action per line. The engine replays only its last 256 events, so
 * counting a larger burst needs a client that was listening all along.
 */
public final class EngineEvents implements AutoCloseable {
  private final Process process;
  private final OutputLines actions;

  private EngineEvents(Process process) {
    this.process = process;
    this.actions = OutputLines.follow(process.getInputStream(), "docker-events-" + process.pid());
  }

  /**
   * Follows the container events of {@code engine} from {@code since} on; those between {@code
   * since} and the subscription come from the engine's replay, so none falls in between.
   */
  public static EngineEvents follow(Engine engine, Instant since) {
    ProcessBuilder builder =
        new ProcessBuilder(
                "docker",
                "events",
                "--since",
                String.format("%d.%09d", since.getEpochSecond(), since.getNano()),
                "--filter",
                "type=container",
                "--format",
                "{{.Action}}")
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("DOCKER_HOST", engine.host());
    try {
      return new EngineEvents(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start docker events", e);
    }
  }

  /** The actions received so far, such as {@code create}, in arrival order. */
  public List<String> actions() {
    return actions.lines();
  }

  /** Ends the {@code docker events} process. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
