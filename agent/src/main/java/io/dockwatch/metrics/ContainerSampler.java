package io.dockwatch.metrics;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.host.CgroupReader;
import io.dockwatch.host.CgroupStats;
import io.dockwatch.host.EngineStats;
import io.dockwatch.host.HostReader;
import io.dockwatch.metrics.ContainerFsMetrics.LayerUsage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round over the containers the inventory knows: each one's lifecycle, and for a running one
 * its cgroup usage, network, limits and writable layer. Usage comes from the cgroup files, and from
 * the engine for the containers whose files cannot be read. The series of a container exist only
 * while the inventory lists it, so a removed container's series are gone after the next round, and
 * a renamed one's move to the new name. Not thread-safe: one collector thread owns an instance.
 */
final class ContainerSampler implements Sampler {
  static final String COLLECTOR = "containers";
  static final MetricFamily SCRAPE_ERROR =
      MetricFamily.gauge(
          "container_scrape_error",
          "Whether the last round could not read the usage of a running container from its"
              + " cgroup or the engine (1) or could (0).");

  private static final Logger log = LoggerFactory.getLogger(ContainerSampler.class);

  private final Supplier<Collection<ContainerSnapshot>> inventory;
  private final ContainerLabels labels;
  private final CgroupReader cgroups;
  private final HostReader host;
  private final EngineUsage engine;
  private final Function<String, Optional<LayerUsage>> layers;
  private final AgentMetrics agentMetrics;
  private final LogThrottle throttle;
  private final Clock clock;
  private final Map<String, Instant> lastSeen = new HashMap<>();

  ContainerSampler(
      Supplier<Collection<ContainerSnapshot>> inventory,
      ContainerLabels labels,
      CgroupReader cgroups,
      HostReader host,
      EngineUsage engine,
      Function<String, Optional<LayerUsage>> layers,
      AgentMetrics agentMetrics,
      LogThrottle throttle,
      Clock clock) {
    this.inventory = inventory;
    this.labels = labels;
    this.cgroups = cgroups;
    this.host = host;
    this.engine = engine;
    this.layers = layers;
    this.agentMetrics = agentMetrics;
    this.throttle = throttle;
    this.clock = clock;
  }

  @Override
  public Families sample() {
    Instant now = clock.instant();
    Collection<ContainerSnapshot> containers = inventory.get();
    Families out = new Families();
    ContainerStateMetrics.inventory(containers, out);
    Set<String> ids = new HashSet<>();
    Map<String, ContainerSnapshot> unread = new LinkedHashMap<>();
    for (ContainerSnapshot c : containers) {
      ids.add(c.id());
      LabelSet l = labels.of(c);
      ContainerStateMetrics.lifecycle(c, l, out);
      if (c.running() && c.pid() > 0) {
        lastSeen.put(c.id(), now);
        if (!fromCgroup(c, l, out)) {
          unread.put(c.id(), c);
        }
        ContainerStateMetrics.running(c, l.base(), out);
        layers.apply(c.id()).ifPresent(layer -> ContainerFsMetrics.add(l, layer, out));
      }
      Instant seen = lastSeen.get(c.id());
      if (seen != null) {
        ContainerStateMetrics.lastSeen(l.base(), seen, out);
      }
    }
    boolean failed = !fromEngine(unread, out);
    lastSeen.keySet().retainAll(ids);
    labels.retain(ids);
    cgroups.retain(ids);
    out.add(SCRAPE_ERROR, failed ? 1 : 0);
    if (failed) {
      agentMetrics.collectionFailed(COLLECTOR);
    }
    return out;
  }

  /** Adds the container's usage from its cgroup files; false when they cannot be read. */
  private boolean fromCgroup(ContainerSnapshot c, LabelSet l, Families out) {
    Optional<CgroupStats> stats = cgroups.read(c.id(), c.pid(), c.cgroupParent());
    if (stats.isEmpty()) {
      return false;
    }
    ContainerUsageMetrics.cgroup(l, stats.get(), out);
    if (ownNetwork(c)) {
      host.netDev(c.pid()).ifPresent(devices -> ContainerUsageMetrics.network(l, devices, out));
    }
    return true;
  }

  /**
   * Adds the usage the engine gives for containers whose cgroup files could not be read; false when
   * a container that still runs has none from either, and none on the way.
   */
  private boolean fromEngine(Map<String, ContainerSnapshot> unread, Families out) {
    Map<String, EngineStats> readings = engine.read(unread.keySet());
    List<ContainerSnapshot> missing = new ArrayList<>();
    for (ContainerSnapshot c : unread.values()) {
      LabelSet l = labels.of(c);
      EngineStats stats = readings.get(c.id());
      if (stats != null) {
        ContainerUsageMetrics.cgroup(l, stats.cgroup(), out);
        if (ownNetwork(c)) {
          ContainerUsageMetrics.network(l, stats.networks(), out);
        }
      } else if (!engine.pending(c.id()) && host.files().exists("proc/" + c.pid())) {
        // a process that is gone is a container that stopped since the inventory
        missing.add(c);
      }
    }
    if (!missing.isEmpty() && throttle.allow("usage")) {
      log.warn(
          "Cannot read the usage of {} running container(s) from their cgroups or the engine;"
              + " they are left out, first container={} pid={}",
          missing.size(),
          missing.get(0).shortId(),
          missing.get(0).pid());
    }
    return missing.isEmpty();
  }

  /** On the host's network a container would report the host's interfaces as its own. */
  private static boolean ownNetwork(ContainerSnapshot c) {
    return !"host".equals(c.networkMode());
  }
}
