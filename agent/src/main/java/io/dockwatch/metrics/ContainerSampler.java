package io.dockwatch.metrics;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.host.CgroupReader;
import io.dockwatch.host.CgroupStats;
import io.dockwatch.host.HostReader;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round over the containers the inventory knows: each one's lifecycle, and for a running one
 * its cgroup usage, network and limits. The series of a container exist only while the inventory
 * lists it, so a removed container's series are gone after the next round, and a renamed one's move
 * to the new name. Not thread-safe: one collector thread owns an instance.
 */
final class ContainerSampler implements Sampler {
  static final String COLLECTOR = "containers";
  static final MetricFamily SCRAPE_ERROR =
      MetricFamily.gauge(
          "container_scrape_error",
          "Whether the last round could not read the cgroup of a running container (1) or could.");

  private static final Logger log = LoggerFactory.getLogger(ContainerSampler.class);

  private final Supplier<Collection<ContainerSnapshot>> inventory;
  private final ContainerLabels labels;
  private final CgroupReader cgroups;
  private final HostReader host;
  private final AgentMetrics agentMetrics;
  private final LogThrottle throttle;
  private final Clock clock;
  private final Map<String, Instant> lastSeen = new HashMap<>();

  ContainerSampler(
      Supplier<Collection<ContainerSnapshot>> inventory,
      ContainerLabels labels,
      CgroupReader cgroups,
      HostReader host,
      AgentMetrics agentMetrics,
      LogThrottle throttle,
      Clock clock) {
    this.inventory = inventory;
    this.labels = labels;
    this.cgroups = cgroups;
    this.host = host;
    this.agentMetrics = agentMetrics;
    this.throttle = throttle;
    this.clock = clock;
  }

  @Override
  public MetricSnapshots sample() {
    Instant now = clock.instant();
    Collection<ContainerSnapshot> containers = inventory.get();
    Families out = new Families();
    ContainerStateMetrics.inventory(containers, out);
    Set<String> ids = new HashSet<>();
    boolean failed = false;
    for (Labelled labelled : inLabelOrder(containers)) {
      ContainerSnapshot c = labelled.container;
      LabelSet l = labelled.labels;
      ids.add(c.id());
      ContainerStateMetrics.lifecycle(c, l, out);
      if (c.running() && c.pid() > 0) {
        lastSeen.put(c.id(), now);
        failed |= !usage(c, l, out);
        ContainerStateMetrics.running(c, l.base(), out);
      }
      Instant seen = lastSeen.get(c.id());
      if (seen != null) {
        ContainerStateMetrics.lastSeen(l.base(), seen, out);
      }
    }
    lastSeen.keySet().retainAll(ids);
    labels.retain(ids);
    cgroups.retain(ids);
    out.add(SCRAPE_ERROR, failed ? 1 : 0);
    if (failed) {
      agentMetrics.collectionFailed(COLLECTOR);
    }
    return out.build();
  }

  /**
   * The containers in the order of their labels, which is the order the data points of each family
   * are sorted into when the sample is frozen: points added in that order make the sort one pass.
   */
  private List<Labelled> inLabelOrder(Collection<ContainerSnapshot> containers) {
    List<Labelled> out = new ArrayList<>(containers.size());
    for (ContainerSnapshot c : containers) {
      out.add(new Labelled(c, labels.of(c)));
    }
    out.sort(Comparator.comparing(labelled -> labelled.labels.base()));
    return out;
  }

  private record Labelled(ContainerSnapshot container, LabelSet labels) {}

  /** Adds the container's usage; false when a container that still runs could not be read. */
  private boolean usage(ContainerSnapshot c, LabelSet l, Families out) {
    Optional<CgroupStats> stats = cgroups.read(c.id(), c.pid(), c.cgroupParent());
    stats.ifPresent(s -> ContainerUsageMetrics.cgroup(l, s, out));
    // On the host's network the container would report the host's interfaces as its own.
    if (!"host".equals(c.networkMode())) {
      host.netDev(c.pid()).ifPresent(devices -> ContainerUsageMetrics.network(l, devices, out));
    }
    if (stats.isPresent() || !host.files().exists("proc/" + c.pid())) {
      return true; // a process that is gone is a container that stopped since the inventory
    }
    if (throttle.allow("cgroup:" + c.id())) {
      log.warn(
          "Cannot read the cgroup of a running container; its usage is left out, container={}"
              + " pid={}",
          c.shortId(),
          c.pid());
    }
    return false;
  }
}
