package io.dockwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.EngineClient;
import io.dockwatch.docker.EngineEvent;
import io.dockwatch.docker.SnapshotParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** An engine that answers from fixtures, and delivers events when a test says so. */
public final class FakeEngine implements EngineClient {
  private final Map<String, JsonNode> containers = new LinkedHashMap<>();
  private final Map<String, List<String>> processes = new LinkedHashMap<>();
  private final Map<String, JsonNode> execs = new LinkedHashMap<>();
  private final List<String> execInspections = new ArrayList<>();
  private Consumer<EngineEvent> sink = e -> {};
  private JsonNode info = Fixtures.engineJson("info.json");

  /** Adds the container of an inspect fixture; returns its id. */
  public String add(String fixture) {
    ContainerSnapshot c = Fixtures.container(fixture);
    containers.put(c.id(), Fixtures.inspectJson(fixture));
    return c.id();
  }

  public void remove(String id) {
    containers.remove(id);
  }

  public void processes(String id, List<String> commandLines) {
    processes.put(id, List.copyOf(commandLines));
  }

  public void exec(String execId, JsonNode json) {
    execs.put(execId, json);
  }

  public void info(Consumer<ObjectNode> edit) {
    ObjectNode copy = ((ObjectNode) info).deepCopy();
    edit.accept(copy);
    info = copy;
  }

  /** Delivers an event as the engine's stream would. */
  public void emit(EngineEvent e) {
    sink.accept(e);
  }

  /** The exec ids the agent asked the engine about. */
  public List<String> execInspections() {
    return execInspections;
  }

  @Override
  public void ping() {}

  @Override
  public JsonNode version() {
    return Fixtures.engineJson("version.json");
  }

  @Override
  public JsonNode info() {
    return info;
  }

  @Override
  public List<String> containerIds() {
    return new ArrayList<>(containers.keySet());
  }

  @Override
  public Optional<ContainerSnapshot> inspect(String id) {
    return Optional.ofNullable(containers.get(id)).map(SnapshotParser::parse);
  }

  @Override
  public List<String> processes(String id) throws IOException {
    List<String> p = processes.get(id);
    if (p == null) {
      throw new IOException("engine answered HTTP 409 to GET /containers/" + id + "/top");
    }
    return p;
  }

  @Override
  public Optional<JsonNode> stats(String id) {
    return Optional.empty();
  }

  @Override
  public Optional<JsonNode> exec(String execId) {
    execInspections.add(execId);
    return Optional.ofNullable(execs.get(execId));
  }

  @Override
  public EventSubscription events(Consumer<EngineEvent> sink, Consumer<Throwable> ended) {
    this.sink = sink;
    return () -> this.sink = e -> {};
  }

  @Override
  public void close() {}
}
