package io.dockwatch.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine, read-only. Every method is a GET: nothing here can change a container. Calls throw
 * {@link IOException} when the engine cannot be reached or answers with an error.
 */
public interface EngineClient extends Closeable {

  /** Checks that the engine answers; used as the liveness probe of a quiet event stream. */
  void ping() throws IOException;

  /** {@code GET /version}. */
  JsonNode version() throws IOException;

  /** {@code GET /info}. */
  JsonNode info() throws IOException;

  /** The ids of every container, running or not. */
  List<String> containerIds() throws IOException;

  /** The container, or empty when it no longer exists. */
  Optional<ContainerSnapshot> inspect(String id) throws IOException;

  /**
   * The command lines of the processes in a running container, read from the host by {@code GET
   * /containers/{id}/top}: nothing is run inside the image.
   */
  List<String> processes(String id) throws IOException;

  /**
   * One reading of a running container's usage, {@code GET /containers/{id}/stats} without a
   * stream; empty when the container is gone. The engine answers at its next collection tick, so a
   * call can take up to a second however quick the engine is.
   */
  Optional<JsonNode> stats(String id) throws IOException;

  /** {@code GET /exec/{id}/json}, or empty when the exec is gone. */
  Optional<JsonNode> exec(String execId) throws IOException;

  /**
   * Follows the event stream from now, calling {@code sink} for each event, until the stream ends
   * or {@link EventSubscription#close()} is called. Returns once the engine accepted the
   * subscription; events then arrive on a thread of the client's.
   */
  EventSubscription events(Consumer<EngineEvent> sink, Consumer<Throwable> ended)
      throws IOException;

  /** An open event stream. */
  interface EventSubscription extends Closeable {
    @Override
    void close();
  }
}
