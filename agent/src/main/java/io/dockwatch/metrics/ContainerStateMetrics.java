package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.counter;
import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.ContainerSnapshot.Resources;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine knows of a container beyond its usage: its limits (cAdvisor's {@code
 * container_spec_*}), its start, health and lifecycle, and the host's count of containers by state.
 * Limits come from the engine's inspect data, which an update refreshes, rather than from more
 * cgroup files read every round.
 */
final class ContainerStateMetrics {
  static final MetricFamily MEMORY_LIMIT =
      gauge(
          "container_spec_memory_limit_bytes",
          "Memory limit of the container in bytes, 0 when it has none.");
  static final MetricFamily CPU_PERIOD =
      gauge("container_spec_cpu_period", "CPU quota enforcement period, in microseconds.");
  static final MetricFamily CPU_QUOTA =
      gauge(
          "container_spec_cpu_quota",
          "CPU time the container may use per period, in microseconds; absent when unlimited.");
  static final MetricFamily CPU_SHARES =
      gauge("container_spec_cpu_shares", "Relative CPU weight of the container.");
  static final MetricFamily START_TIME =
      gauge(
          "container_start_time_seconds",
          "When the container last started, in seconds since the epoch.");
  static final MetricFamily LAST_SEEN =
      gauge(
          "container_last_seen",
          "When the container was last seen running, in seconds since the epoch.");
  static final MetricFamily HEALTH =
      gauge(
          "container_health_state",
          "Health check result: 1 healthy, 0 starting or unhealthy, -1 without a health check.");
  static final MetricFamily STATE =
      gauge("dockwatch_container_state", "The container's state as the engine names it, always 1.");
  static final MetricFamily EXIT_CODE =
      gauge("dockwatch_container_exit_code", "Exit code of the container's last run.");
  static final MetricFamily RESTARTS =
      counter("dockwatch_container_restarts_total", "Times the engine restarted the container.");
  static final MetricFamily OOM_KILLED =
      gauge(
          "dockwatch_container_oom_killed",
          "Whether the OOM killer ended the container's last run (1) or not (0).");
  static final MetricFamily CONTAINERS =
      gauge("dockwatch_containers", "Containers on the host, by state.");

  /** The engine's state words; each is reported, at zero when no container is in it. */
  static final List<String> STATES =
      List.of("created", "running", "paused", "restarting", "removing", "exited", "dead");

  /** The kernel's CFS period when none is set, in microseconds. */
  private static final long DEFAULT_CPU_PERIOD = 100_000;

  /** The kernel's CPU shares when none are set. */
  private static final long DEFAULT_CPU_SHARES = 1024;

  private ContainerStateMetrics() {}

  static void inventory(Collection<ContainerSnapshot> containers, Families out) {
    Map<String, Integer> byState = new LinkedHashMap<>();
    for (String state : STATES) {
      byState.put(state, 0);
    }
    for (ContainerSnapshot c : containers) {
      byState.merge(c.status(), 1, Integer::sum);
    }
    byState.forEach((state, count) -> out.add(CONTAINERS, Labels.of("state", state), count));
  }

  /** What every container has, running or not. */
  static void lifecycle(ContainerSnapshot c, LabelSet l, Families out) {
    Labels labels = l.base();
    out.add(STATE, l.with("state", c.status()), 1);
    out.add(EXIT_CODE, labels, c.exitCode());
    out.add(RESTARTS, labels, c.restartCount());
    out.add(OOM_KILLED, labels, c.oomKilled() ? 1 : 0);
  }

  /** What only a running container has: limits in force, a start time, a health state. */
  static void running(ContainerSnapshot c, Labels labels, Families out) {
    Resources r = c.resources();
    long period = r.cpuPeriod() > 0 ? r.cpuPeriod() : DEFAULT_CPU_PERIOD;
    out.add(MEMORY_LIMIT, labels, r.memoryBytes());
    out.add(CPU_PERIOD, labels, period);
    if (r.cpuQuota() > 0) {
      out.add(CPU_QUOTA, labels, r.cpuQuota());
    } else if (r.nanoCpus() > 0) {
      out.add(CPU_QUOTA, labels, Math.round(r.nanoCpus() * (period / 1e9)));
    }
    out.add(CPU_SHARES, labels, r.cpuShares() > 0 ? r.cpuShares() : DEFAULT_CPU_SHARES);
    if (!c.startedAt().equals(Instant.EPOCH)) {
      out.add(START_TIME, labels, seconds(c.startedAt()));
    }
    out.add(HEALTH, labels, health(c));
  }

  static void lastSeen(Labels labels, Instant at, Families out) {
    out.add(LAST_SEEN, labels, seconds(at));
  }

  static int health(ContainerSnapshot c) {
    if (!c.healthcheckConfigured()) {
      return -1;
    }
    return "healthy".equals(c.health()) ? 1 : 0;
  }

  private static double seconds(Instant at) {
    return at.toEpochMilli() / 1000.0;
  }
}
