package io.dockwatch.runtime;

import io.dockwatch.docker.ContainerSnapshot;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The containers the agent knows of, by id. Written only by the event loop; read by metric
 * collectors on their own threads, which see whole snapshots, never half-updated ones.
 */
public final class Inventory {
  private final Map<String, ContainerSnapshot> containers = new ConcurrentHashMap<>();

  void put(ContainerSnapshot c) {
    containers.put(c.id(), c);
  }

  Optional<ContainerSnapshot> remove(String id) {
    return Optional.ofNullable(containers.remove(id));
  }

  public Optional<ContainerSnapshot> get(String id) {
    return Optional.ofNullable(containers.get(id));
  }

  public Collection<ContainerSnapshot> all() {
    return List.copyOf(containers.values());
  }

  public int size() {
    return containers.size();
  }
}
