package io.dockwatch.metrics;

import io.dockwatch.docker.EngineClient;
import io.dockwatch.host.EngineStats;
import io.dockwatch.metrics.AgentMetrics.StatsOutcome;
import io.dockwatch.runtime.EngineConnector;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container usage from the engine's stats endpoint, for running containers whose cgroup files
 * cannot be read: the agent runs in a container without the host's {@code /sys/fs/cgroup}, or the
 * files are not readable to it. The engine reads the same files, so the series are the same.
 *
 * <p>The engine answers a stats call at its next collection tick, up to a second later, so calls
 * run on a small pool of their own, at most {@code concurrency} at once, and a round waits for them
 * no longer than its budget. A container whose call has not answered by then keeps its previous
 * reading; the call goes on and its answer serves the next round. A container never has two calls
 * under way. How long one call may take is the client's response timeout.
 *
 * <p>The connection is opened when a container first needs it: on a host whose cgroups are
 * readable, that is at most a container that stopped since the inventory saw it running. Not
 * thread-safe: one collector thread calls {@link #read}.
 */
final class EngineUsage implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EngineUsage.class);

  private final EngineConnector connector;
  private final Duration roundBudget;
  private final AgentMetrics agentMetrics;
  private final LogThrottle throttle;
  private final ThreadPoolExecutor calls;

  /** The calls under way, by container id; touched by the collector thread only. */
  private final Map<String, Future<?>> underWay = new HashMap<>();

  /** The last reading of each container, written by the calls as they answer. */
  private final Map<String, EngineStats> last = new ConcurrentHashMap<>();

  private EngineClient client;

  /**
   * @param connector opens the connection the calls share, with a response timeout per call
   * @param concurrency how many calls may be under way at once
   * @param roundBudget how long one round waits for the calls it started
   */
  EngineUsage(
      EngineConnector connector,
      int concurrency,
      Duration roundBudget,
      AgentMetrics agentMetrics,
      LogThrottle throttle) {
    this.connector = connector;
    this.roundBudget = roundBudget;
    this.agentMetrics = agentMetrics;
    this.throttle = throttle;
    AtomicInteger threads = new AtomicInteger();
    this.calls =
        new ThreadPoolExecutor(
            concurrency,
            concurrency,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread t = new Thread(task, "dockwatch-engine-stats-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // A host whose cgroups are readable keeps no idle threads for this.
    calls.allowCoreThreadTimeOut(true);
  }

  /**
   * The latest readings of the containers {@code ids}, after waiting up to the round budget for
   * calls started now; a container without one (gone, or the engine failed) is left out. Forgets
   * the readings of containers not in {@code ids}.
   */
  Map<String, EngineStats> read(Collection<String> ids) {
    last.keySet().retainAll(ids);
    underWay.values().removeIf(Future::isDone);
    if (ids.isEmpty()) {
      return Map.of();
    }
    Optional<EngineClient> engine = engine();
    if (engine.isEmpty()) {
      return Map.of();
    }
    for (String id : ids) {
      underWay.computeIfAbsent(id, k -> calls.submit(() -> call(engine.get(), k)));
    }
    await(ids);
    Map<String, EngineStats> out = new LinkedHashMap<>();
    for (String id : ids) {
      EngineStats stats = last.get(id);
      if (stats != null) {
        out.put(id, stats);
      }
    }
    return out;
  }

  /**
   * Whether the container's call is still under way after the last round: a container without a
   * reading then is waiting for its first one, not failing.
   */
  boolean pending(String id) {
    return underWay.containsKey(id);
  }

  private void await(Collection<String> ids) {
    long deadline = System.nanoTime() + roundBudget.toNanos();
    int late = 0;
    for (String id : ids) {
      Future<?> call = underWay.get(id);
      try {
        call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        underWay.remove(id);
      } catch (TimeoutException e) {
        late++;
      } catch (ExecutionException e) {
        throw new IllegalStateException("an engine stats call failed unexpectedly", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (late > 0) {
      agentMetrics.engineStatsLate(late);
    }
  }

  /** Runs on a pool thread: one call, whose answer becomes the container's last reading. */
  private void call(EngineClient engine, String id) {
    try {
      Optional<EngineStats> stats = engine.stats(id).flatMap(EngineStats::parse);
      if (stats.isPresent()) {
        last.put(id, stats.get());
        agentMetrics.engineStatsCalled(StatsOutcome.ANSWERED);
      } else {
        last.remove(id);
        agentMetrics.engineStatsCalled(StatsOutcome.GONE);
      }
    } catch (IOException e) {
      last.remove(id);
      agentMetrics.engineStatsCalled(StatsOutcome.FAILED);
      if (throttle.allow("engine-stats")) {
        log.warn("The engine did not give a container's usage: {}", e.getMessage());
      }
    }
  }

  private Optional<EngineClient> engine() {
    if (client == null) {
      try {
        client = connector.connect();
        log.info("Reading the usage of containers whose cgroups are unreadable from the engine");
      } catch (IOException e) {
        agentMetrics.engineStatsCalled(StatsOutcome.FAILED);
        if (throttle.allow("engine-stats")) {
          log.warn("Cannot reach the engine for container usage: {}", e.getMessage());
        }
      }
    }
    return Optional.ofNullable(client);
  }

  @Override
  public void close() {
    calls.shutdownNow();
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        log.debug("closing the engine connection for stats: {}", e.toString());
      }
    }
  }
}
