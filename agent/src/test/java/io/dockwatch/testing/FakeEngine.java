package io.dockwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.EngineClient;
import io.dockwatch.docker.EngineEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An engine in memory: containers can be added and removed, events pushed, stats answers set, and
 * the engine taken down, which ends the event stream and fails every call until it is up again.
 * Thread safe.
 */
public final class FakeEngine {
  private final Map<String, ContainerSnapshot> containers = new LinkedHashMap<>();
  private final List<Consumer<EngineEvent>> subscribers = new ArrayList<>();
  private final List<Consumer<Throwable>> endings = new ArrayList<>();
  private final Set<String> unreachable = new HashSet<>();
  private final FakeStats stats = new FakeStats();
  private boolean up = true;
  private String version = "fake";
  private int connections;
  private int inspections;

  public synchronized void add(ContainerSnapshot c) {
    containers.put(c.id(), c);
  }

  public synchronized void remove(String id) {
    containers.remove(id);
  }

  /**
   * Inspecting container {@code id} fails as if the connection broke just then, while every other
   * call still answers: a batch of inspections cut short half way.
   */
  public synchronized void breakInspectionOf(String id) {
    unreachable.add(id);
  }

  /** Undoes {@link #breakInspectionOf} for every container. */
  public synchronized void mendInspections() {
    unreachable.clear();
  }

  /** Delivers an event to every open stream. */
  public void emit(EngineEvent e) {
    List<Consumer<EngineEvent>> now;
    synchronized (this) {
      now = List.copyOf(subscribers);
    }
    now.forEach(s -> s.accept(e));
  }

  /** Ends every stream and refuses calls, as a stopped engine does. */
  public void down() {
    List<Consumer<Throwable>> now;
    synchronized (this) {
      up = false;
      now = List.copyOf(endings);
      subscribers.clear();
      endings.clear();
    }
    now.forEach(e -> e.accept(new IOException("connection reset")));
  }

  public synchronized void up() {
    up = true;
  }

  /** The version the engine reports from now on, as after an upgrade. */
  public synchronized void version(String value) {
    version = value;
  }

  /** The stats endpoint's answers and counts. */
  public FakeStats stats() {
    return stats;
  }

  public synchronized int connections() {
    return connections;
  }

  public synchronized int inspections() {
    return inspections;
  }

  /** A connector for the watcher: each call is a new connection. */
  public synchronized EngineClient connect() throws IOException {
    check();
    connections++;
    return new Client();
  }

  private void check() throws IOException {
    if (!up) {
      throw new IOException("connection refused");
    }
  }

  private final class Client implements EngineClient {
    @Override
    public void ping() throws IOException {
      synchronized (FakeEngine.this) {
        check();
      }
    }

    @Override
    public JsonNode version() throws IOException {
      synchronized (FakeEngine.this) {
        check();
        return new ObjectMapper()
            .createObjectNode()
            .put("Version", version)
            .put("ApiVersion", "1.41");
      }
    }

    @Override
    public JsonNode info() throws IOException {
      return version();
    }

    @Override
    public List<String> containerIds() throws IOException {
      synchronized (FakeEngine.this) {
        check();
        return List.copyOf(containers.keySet());
      }
    }

    @Override
    public Optional<ContainerSnapshot> inspect(String id) throws IOException {
      synchronized (FakeEngine.this) {
        check();
        if (unreachable.contains(id)) {
          throw new IOException("connection reset while inspecting " + id);
        }
        inspections++;
        return Optional.ofNullable(containers.get(id));
      }
    }

    @Override
    public List<String> processes(String id) throws IOException {
      return List.of();
    }

    @Override
    public Optional<JsonNode> stats(String id) throws IOException {
      synchronized (FakeEngine.this) {
        check();
      }
      return stats.call(id);
    }

    @Override
    public Optional<JsonNode> exec(String execId) {
      return Optional.empty();
    }

    @Override
    public EventSubscription events(Consumer<EngineEvent> sink, Consumer<Throwable> ended)
        throws IOException {
      synchronized (FakeEngine.this) {
        check();
        subscribers.add(sink);
        endings.add(ended);
      }
      return () -> {
        synchronized (FakeEngine.this) {
          subscribers.remove(sink);
          endings.remove(ended);
        }
      };
    }

    @Override
    public void close() {}
  }
}
