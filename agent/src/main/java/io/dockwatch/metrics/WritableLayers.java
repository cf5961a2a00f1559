package io.dockwatch.metrics;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.host.DirectoryUsage;
import io.dockwatch.host.HostReader;
import io.dockwatch.host.MountEntry;
import io.dockwatch.host.StatFs;
import io.dockwatch.metrics.ContainerFsMetrics.LayerUsage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The size of each running container's writable layer, found by walking its directory ({@code
 * UpperDir}) on a schedule of its own, far slower than the container rounds: a walk costs a system
 * call per file. The container rounds serve the last sizes found.
 *
 * <p>A round looks at {@code maxEntries} entries at most, over all containers. It takes the
 * containers walked longest ago first, and skips one whose last walk counted more entries than the
 * round has left, so that it comes first in the next round; a container that alone has more entries
 * than a round allows is never walked, and says so in the log. Not thread-safe, except {@link
 * #last}: one thread runs the rounds.
 */
final class WritableLayers {
  static final String COLLECTOR = "container_fs";

  private static final Logger log = LoggerFactory.getLogger(WritableLayers.class);

  private final Supplier<Collection<ContainerSnapshot>> inventory;
  private final HostReader host;
  private final StatFs statFs;
  private final long maxEntries;
  private final AgentMetrics agentMetrics;
  private final LogThrottle throttle;

  /** The last usage found per container id; read by the container rounds on their thread. */
  private final Map<String, LayerUsage> found = new ConcurrentHashMap<>();

  /** The entries each container's last walk looked at, complete or not. */
  private final Map<String, Long> entries = new HashMap<>();

  /** The round in which each container was last walked to the end. */
  private final Map<String, Long> walkedIn = new HashMap<>();

  private long round;

  WritableLayers(
      Supplier<Collection<ContainerSnapshot>> inventory,
      HostReader host,
      StatFs statFs,
      long maxEntries,
      AgentMetrics agentMetrics,
      LogThrottle throttle) {
    this.inventory = inventory;
    this.host = host;
    this.statFs = statFs;
    this.maxEntries = maxEntries;
    this.agentMetrics = agentMetrics;
    this.throttle = throttle;
    agentMetrics.declareCollector(COLLECTOR);
  }

  /** The container's layer as of its last walk; safe from any thread. */
  Optional<LayerUsage> last(String id) {
    return Optional.ofNullable(found.get(id));
  }

  /** One round, timed as a collection; a round that fails leaves the last sizes in place. */
  void walkNow() {
    try {
      agentMetrics.timeCollection(
          COLLECTOR,
          () -> {
            walk();
            return null;
          });
    } catch (RuntimeException e) {
      if (throttle.allow("round:" + COLLECTOR)) {
        log.warn("Walking the containers' writable layers failed", e);
      }
    }
  }

  private void walk() {
    round++;
    List<MountEntry> mounts = host.mounts().orElse(List.of());
    long left = maxEntries;
    boolean failed = false;
    for (ContainerSnapshot c : due()) {
      if (entries.getOrDefault(c.id(), 0L) > left) {
        skipped(c);
        continue;
      }
      try {
        left -= measure(c, mounts, left);
      } catch (IOException e) {
        // Mostly the engine's data root, root's alone or not under the host root: one line for
        // all containers rather than one each. Access refused is how the packaged unit runs (no
        // read access to the data root), a choice rather than a failure: it is not counted.
        found.remove(c.id());
        failed |= !(e instanceof AccessDeniedException);
        if (throttle.allow("layers")) {
          log.warn(
              "Cannot walk a container's writable layer, so its container_fs_* are left out; the"
                  + " agent needs read access to the engine's data root, container={} reason={}",
              c.shortId(),
              e.toString());
        }
      }
    }
    if (failed) {
      agentMetrics.collectionFailed(COLLECTOR);
    }
  }

  /** The running containers with a writable layer, walked longest ago first. */
  private List<ContainerSnapshot> due() {
    List<ContainerSnapshot> due = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ContainerSnapshot c : inventory.get()) {
      if (c.running() && !c.upperDir().isEmpty()) {
        due.add(c);
        ids.add(c.id());
      }
    }
    found.keySet().retainAll(ids);
    entries.keySet().retainAll(ids);
    walkedIn.keySet().retainAll(ids);
    due.sort(
        Comparator.comparingLong((ContainerSnapshot c) -> walkedIn.getOrDefault(c.id(), 0L))
            .thenComparing(ContainerSnapshot::id));
    return due;
  }

  /**
   * Walks the container's layer, looking at {@code left} entries at most, and keeps its size when
   * the walk got to the end.
   *
   * @return the entries the walk looked at
   */
  private long measure(ContainerSnapshot c, List<MountEntry> mounts, long left) throws IOException {
    Path dir = host.files().resolve(c.upperDir());
    DirectoryUsage.Walk walk = DirectoryUsage.walk(dir, left);
    if (!walk.complete()) {
      entries.put(c.id(), walk.entries() + 1);
      skipped(c);
      return walk.entries();
    }
    entries.put(c.id(), walk.entries());
    walkedIn.put(c.id(), round);
    String device = MountEntry.holding(mounts, c.upperDir()).map(MountEntry::device).orElse("");
    found.put(c.id(), new LayerUsage(device, walk.bytes(), size(dir)));
    return walk.entries();
  }

  private OptionalDouble size(Path dir) {
    return statFs.stat(dir) instanceof StatFs.Usage usage
        ? OptionalDouble.of(usage.size())
        : OptionalDouble.empty();
  }

  /** A container left for a later round; one that can never fit a round loses its size. */
  private void skipped(ContainerSnapshot c) {
    if (entries.get(c.id()) <= maxEntries) {
      return;
    }
    found.remove(c.id());
    if (throttle.allow("layer-budget:" + c.id())) {
      log.warn(
          "A container's writable layer has more entries than metrics.container_fs_max_files"
              + " allows a round; its size is not measured, container={} max_files={}",
          c.shortId(),
          maxEntries);
    }
  }
}
