package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.policy.ContainerActivity.ExecTally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the agent sees happen in containers over time: process lists, exec sessions, starts. Owned
 * by the event loop and not thread safe; rules see it through {@link #view()}, an immutable copy.
 * Bounded: per container, one entry per exec kind and the starts of the last day.
 */
public final class ActivityLog {
  /** Starts older than this cannot matter to a restart-loop window; the window is capped by it. */
  public static final Duration START_HISTORY = Duration.ofDays(1);

  private static final int MAX_STARTS = 500;

  private final Map<String, Entry> entries = new HashMap<>();
  private final boolean watchesExecs;

  private static final class Entry {
    private Optional<List<String>> processes = Optional.empty();
    private Instant processesReadAt = Instant.EPOCH;
    private final Map<ExecSession.Kind, ExecTally> execs = new EnumMap<>(ExecSession.Kind.class);
    private final TreeSet<Instant> starts = new TreeSet<>();
  }

  /**
   * @param watchesExecs whether exec sessions are recorded: true for the running agent, which
   *     follows the engine's events; false for a one-off pass that cannot see them
   */
  public ActivityLog(boolean watchesExecs) {
    this.watchesExecs = watchesExecs;
  }

  /**
   * Records that the container is watched from now on, and its start time, so that restarts can be
   * counted.
   */
  public void seen(ContainerSnapshot c, Instant now) {
    TreeSet<Instant> starts = entry(c.id()).starts;
    if (c.startedAt().equals(Instant.EPOCH)) {
      return;
    }
    starts.add(c.startedAt());
    starts.headSet(now.minus(START_HISTORY)).clear();
    while (starts.size() > MAX_STARTS) {
      starts.pollFirst();
    }
  }

  /** Records the processes running in a container, as program names only. */
  public void processes(String containerId, List<String> commandLines, Instant now) {
    Entry e = entry(containerId);
    e.processes = Optional.of(ProcessNames.of(commandLines));
    e.processesReadAt = now;
  }

  /** Forgets the process list: the container stopped, or it could not be read. */
  public void processesUnknown(String containerId) {
    Entry e = entries.get(containerId);
    if (e != null) {
      e.processes = Optional.empty();
    }
  }

  /**
   * Records an exec session. The engine's own health probes look like exec sessions and are left
   * out; see {@link ExecSession#looksLikeHealthProbe}.
   *
   * @return whether it was recorded
   */
  public boolean exec(ContainerSnapshot c, ExecSession s) {
    if (s.looksLikeHealthProbe(c)) {
      return false;
    }
    ExecSession.Kind kind = s.kind(c);
    entry(c.id())
        .execs
        .merge(
            kind,
            new ExecTally(kind, 1, s.seenAt(), s.seenAt(), s.user()),
            (old, one) ->
                new ExecTally(kind, old.count() + 1, old.first(), one.last(), one.lastUser()));
    return true;
  }

  /** The container is gone. */
  public void forget(String containerId) {
    entries.remove(containerId);
  }

  public Map<String, ContainerActivity> view() {
    Map<String, ContainerActivity> out = new HashMap<>();
    entries.forEach(
        (id, e) ->
            out.put(
                id,
                new ContainerActivity(
                    e.processes,
                    e.processesReadAt,
                    watchesExecs,
                    new ArrayList<>(e.execs.values()),
                    new ArrayList<>(e.starts))));
    return out;
  }

  private Entry entry(String id) {
    return entries.computeIfAbsent(id, k -> new Entry());
  }
}
