package io.dockwatch.runtime;

import io.dockwatch.config.AgentConfig;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.EngineClient;
import io.dockwatch.docker.EngineEvent;
import io.dockwatch.findings.Ledger;
import io.dockwatch.findings.LedgerStore;
import io.dockwatch.findings.SubjectRef;
import io.dockwatch.findings.Transition;
import io.dockwatch.hostfacts.HostFactsSource;
import io.dockwatch.policy.HostView;
import io.dockwatch.policy.Policy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loop: keeps the inventory and the ledger in step with the engine. Subscribes to the
 * event stream before listing containers, so that nothing created meanwhile falls through; on every
 * relevant event inspects that container again and evaluates it; resynchronises fully after every
 * reconnection and on a schedule. Reads the host's facts on connection, on every daemon event and
 * every {@code agent.host_check_interval}, then evaluates the host and every container again (which
 * also reopens waived findings whose exception expired). All state is confined to the loop's one
 * thread.
 */
public final class Watcher {
  private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);
  private static final Set<String> REFRESH =
      Set.of(
          "create",
          "start",
          "restart",
          "update",
          "rename",
          "die",
          "stop",
          "kill",
          "pause",
          "unpause",
          "oom",
          "health_status",
          "attach",
          "detach",
          // a detached exec that started a daemon (telnetd, sshd) has ended by now, and the
          // daemon shows in the container's process list; at exec_start it did not exist yet
          "exec_die");

  private final EngineConnector connector;
  private final Ledger ledger;
  private final LedgerStore store;
  private final Inventory inventory;
  private final Reporter reporter;
  private final AgentListener listener;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private final Duration pingInterval;
  private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
  private final Function<AgentConfig, HostFactsSource> hostFactsSources;
  private final HostView host;
  private final Evaluator evaluator;

  private AgentConfig agent;
  private EngineClient client;
  private EngineClient.EventSubscription subscription;
  private long session;
  private Instant lostAt;
  private final Map<String, Long> pending = new LinkedHashMap<>();
  private final Map<String, String> pendingExecs = new LinkedHashMap<>();
  private boolean drainScheduled;
  private boolean saveScheduled;
  private volatile String problem = "not connected to the engine yet";

  /**
   * @param hostFactsSources the reader of host facts for an agent configuration (its host root);
   *     asked again on reload
   */
  public Watcher(
      EngineConnector connector,
      Policy policy,
      AgentConfig agent,
      Duration pingInterval,
      Ledger ledger,
      LedgerStore store,
      Inventory inventory,
      Reporter reporter,
      AgentListener listener,
      Clock clock,
      ScheduledExecutorService loop,
      Function<AgentConfig, HostFactsSource> hostFactsSources) {
    this.hostFactsSources = hostFactsSources;
    this.host = new HostView(hostFactsSources.apply(agent), true, clock.instant());
    this.evaluator = new Evaluator(policy, host, ledger, inventory);
    this.connector = connector;
    this.agent = agent;
    this.pingInterval = pingInterval;
    this.ledger = ledger;
    this.store = store;
    this.inventory = inventory;
    this.reporter = reporter;
    this.listener = listener;
    this.clock = clock;
    this.loop = loop;
  }

  /** Connects, and keeps connecting, on the loop; returns at once. */
  public void start() {
    loop.execute(guard("connect", this::connect));
    loop.scheduleWithFixedDelay(
        guard("ping", this::ping),
        pingInterval.toMillis(),
        pingInterval.toMillis(),
        TimeUnit.MILLISECONDS);
    long restate = Math.max(1000, Math.min(agent.restateInterval().toMillis() / 10, 60_000));
    loop.scheduleWithFixedDelay(
        guard("restate", this::restate), restate, restate, TimeUnit.MILLISECONDS);
    long resync = agent.resyncInterval().toMillis();
    loop.scheduleWithFixedDelay(
        guard("periodicResync", this::periodicResync), resync, resync, TimeUnit.MILLISECONDS);
    // at least daily, so that an exception expiring today reopens its findings today
    long hostCheck = Math.min(agent.hostCheckInterval().toMillis(), Duration.ofDays(1).toMillis());
    loop.scheduleWithFixedDelay(
        guard("hostCheck", this::hostCheck), hostCheck, hostCheck, TimeUnit.MILLISECONDS);
  }

  /** Why the agent cannot do its job now, or empty when it can. Safe from any thread. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** Swaps in a new policy, already validated, and evaluates everything under it. */
  public void reload(Policy newPolicy, AgentConfig newAgent) {
    loop.execute(
        guard(
            "reload",
            () -> {
              evaluator.policy(newPolicy);
              agent = newAgent;
              host.source(hostFactsSources.apply(newAgent));
              evaluateAll(clock.instant());
            }));
  }

  /**
   * Evaluates the containers named by events already received, closes the engine connection and
   * saves the ledger. Runs on the loop; waits for it.
   */
  public void stop(long timeoutMillis) throws InterruptedException {
    loop.execute(
        guard(
            "stop",
            () -> {
              drain();
              closeSession();
              save();
            }));
    loop.shutdown();
    loop.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  // ---- connection ---------------------------------------------------------------------------

  void connect() {
    if (client != null || loop.isShutdown()) {
      return;
    }
    long id = ++session;
    try {
      client = connector.connect();
      var version = client.version();
      listener.engineVersion(version.path("Version").asText(""));
      subscription =
          client.events(
              e -> post(() -> onEvent(id, e)), cause -> post(() -> onStreamEnded(id, cause)));
      if (lostAt == null && backoff.failures() == 0) {
        LOG.info(
            "connected to engine version={} api={}",
            version.path("Version").asText("?"),
            version.path("ApiVersion").asText("?"));
      } else {
        LOG.info(
            "reconnected to engine version={} after={}ms attempts={}",
            version.path("Version").asText("?"),
            lostAt == null ? 0 : Duration.between(lostAt, clock.instant()).toMillis(),
            backoff.failures());
      }
      backoff.reset();
      lostAt = null;
      listener.engineConnected(true);
      host.refresh(client, clock.instant(), inventory.all());
      resync();
      if (client != null) {
        // healthy only once in step with the engine, not merely connected
        problem = null;
      }
    } catch (IOException e) {
      lost("cannot connect to the engine: " + e.getMessage());
    }
  }

  /**
   * A loop task that cannot take the loop down: a defect of ours in one task is logged with its
   * stack trace and the loop goes on (a periodic task that threw would otherwise never run again).
   */
  private static Runnable guard(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RejectedExecutionException e) {
        LOG.debug("event loop stopped during {}", what);
      } catch (RuntimeException e) {
        LOG.error("event loop task {} failed; the agent goes on", what, e);
      }
    };
  }

  /** Runs a task on the loop; after shutdown began, tasks from the engine's thread are moot. */
  private void post(Runnable task) {
    try {
      loop.execute(guard("engine callback", task));
    } catch (RejectedExecutionException e) {
      LOG.debug("event loop stopped; dropping a late engine callback");
    }
  }

  private void lost(String why) {
    closeSession();
    listener.engineConnected(false);
    if (lostAt == null) {
      lostAt = clock.instant();
      LOG.warn("engine unavailable, retrying with backoff: {}", why);
    } else {
      LOG.debug("engine still unavailable: {}", why);
    }
    // Worded as the log says it: a cause alone, such as a chunked body cut short, names no engine.
    problem = "engine unavailable: " + why + " (since " + lostAt + ")";
    Duration wait = backoff.next();
    if (!loop.isShutdown()) {
      loop.schedule(guard("connect", this::connect), wait.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void closeSession() {
    session++;
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        LOG.debug("closing the engine connection: {}", e.toString());
      }
      client = null;
    }
  }

  private void onStreamEnded(long id, Throwable cause) {
    if (id != session) {
      return;
    }
    lost("the event stream ended" + (cause == null ? "" : ": " + cause.getMessage()));
  }

  private void ping() {
    if (client == null) {
      return;
    }
    try {
      client.ping();
    } catch (IOException e) {
      lost("the engine did not answer a ping: " + e.getMessage());
    }
  }

  // ---- events -------------------------------------------------------------------------------

  void onEvent(long id, EngineEvent e) {
    if (id != session) {
      return;
    }
    listener.eventReceived(e.type(), e.action());
    if ("daemon".equals(e.type())) {
      // a reload may have changed the daemon's configuration
      loop.execute(guard("hostCheck", this::hostCheck));
      return;
    }
    if (!"container".equals(e.type()) || e.actorId().isEmpty()) {
      return;
    }
    if ("exec_start".equals(e.action())) {
      pendingExecs.put(e.execId().isEmpty() ? "#" + e.timeNano() : e.execId(), e.actorId());
    } else if ("destroy".equals(e.action()) || REFRESH.contains(e.action())) {
      pending.putIfAbsent(e.actorId(), e.timeNano());
    } else {
      return;
    }
    if (!drainScheduled) {
      drainScheduled = true;
      loop.execute(guard("drain", this::drain));
    }
  }

  /** Inspects every container an event named since the last drain, once each, and evaluates. */
  void drain() {
    drainScheduled = false;
    if (client == null || (pending.isEmpty() && pendingExecs.isEmpty())) {
      return;
    }
    Map<String, Long> batch = new LinkedHashMap<>(pending);
    pending.clear();
    Map<String, String> execs = new LinkedHashMap<>(pendingExecs);
    pendingExecs.clear();
    Instant now = clock.instant();
    List<Transition> out = new ArrayList<>();
    Map<String, ContainerSnapshot> changed = new LinkedHashMap<>();
    try {
      for (String cid : batch.keySet()) {
        Optional<ContainerSnapshot> c = client.inspect(cid);
        if (c.isPresent()) {
          inventory.put(c.get());
          host.observe(client, c.get(), now);
          changed.put(cid, c.get());
        } else {
          inventory.remove(cid);
          host.forget(cid);
          out.addAll(ledger.remove(cid, now));
        }
      }
      for (Map.Entry<String, String> x : execs.entrySet()) {
        Optional<ContainerSnapshot> c = inventory.get(x.getValue());
        String execId = x.getKey().startsWith("#") ? "" : x.getKey();
        if (c.isPresent() && host.exec(client, c.get(), execId, now)) {
          changed.putIfAbsent(c.get().id(), c.get());
        }
      }
    } catch (IOException e) {
      pending.putAll(batch);
      pendingExecs.putAll(execs);
      // The ledger has already let go of the containers found gone earlier in the batch: their
      // resolutions go out now, as no later inspection or resync would produce them again.
      emit(out);
      lost("inspect failed: " + e.getMessage());
      return;
    }
    host.addImageDates(changed.values());
    out.addAll(evaluator.changed(new ArrayList<>(changed.values()), now));
    emit(out);
    long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    for (long t : batch.values()) {
      if (t > 0) {
        listener.eventEvaluated(Duration.ofNanos(Math.max(0, nowNanos - t)));
      }
    }
  }

  // ---- evaluation ---------------------------------------------------------------------------

  /** Lists and inspects every container, and brings inventory and ledger in line with it. */
  void resync() {
    if (client == null) {
      return;
    }
    Instant started = clock.instant();
    List<ContainerSnapshot> seen = new ArrayList<>();
    try {
      for (String cid : client.containerIds()) {
        client.inspect(cid).ifPresent(seen::add);
      }
    } catch (IOException e) {
      lost("resynchronisation failed: " + e.getMessage());
      return;
    }
    Set<String> ids = new HashSet<>();
    seen.forEach(c -> ids.add(c.id()));
    List<Transition> out = new ArrayList<>();
    for (ContainerSnapshot gone : inventory.all()) {
      if (!ids.contains(gone.id())) {
        inventory.remove(gone.id());
        host.forget(gone.id());
      }
    }
    for (String key : ledger.subjects()) {
      if (!key.equals(SubjectRef.HOST_KEY) && !ids.contains(key)) {
        out.addAll(ledger.remove(key, started));
      }
    }
    seen.forEach(inventory::put);
    seen.forEach(c -> host.observe(client, c, started));
    host.addImageDates(seen);
    pending.keySet().removeAll(ids);
    out.addAll(evaluator.all(started));
    emit(out);
    listener.resyncCompleted(seen.size(), Duration.between(started, clock.instant()));
  }

  private void periodicResync() {
    resync();
  }

  private void evaluateAll(Instant now) {
    emit(evaluator.all(now));
  }

  /** Reads the host again and evaluates the host and every container under the new facts. */
  void hostCheck() {
    if (client == null) {
      return;
    }
    try {
      host.refresh(client, clock.instant(), inventory.all());
    } catch (IOException e) {
      lost("reading the engine's info failed: " + e.getMessage());
      return;
    }
    evaluateAll(clock.instant());
  }

  private void restate() {
    emit(ledger.restate(clock.instant(), agent.restateInterval()));
  }

  private void emit(List<Transition> transitions) {
    if (transitions.isEmpty()) {
      return;
    }
    reporter.report(transitions);
    listener.standing(ledger.findings());
    if (loop.isShutdown()) {
      save();
    } else if (!saveScheduled) {
      saveScheduled = true;
      loop.schedule(guard("save", this::save), 1, TimeUnit.SECONDS);
    }
  }

  private void save() {
    saveScheduled = false;
    try {
      store.save(ledger.findings());
    } catch (IOException e) {
      LOG.warn("cannot save standing findings: {}", e.toString());
    }
  }
}
