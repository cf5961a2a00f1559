package io.dockwatch.cli;

import io.dockwatch.config.Config;
import io.dockwatch.config.ConfigException;
import io.dockwatch.findings.Ledger;
import io.dockwatch.findings.LedgerStore;
import io.dockwatch.hostfacts.HostFactsReader;
import io.dockwatch.http.HealthSource;
import io.dockwatch.http.HttpEndpoint;
import io.dockwatch.metrics.AgentBuild;
import io.dockwatch.metrics.AgentMetrics;
import io.dockwatch.metrics.EngineAccess;
import io.dockwatch.metrics.MetricsService;
import io.dockwatch.policy.Policy;
import io.dockwatch.policy.RuleCatalog;
import io.dockwatch.runtime.Inventory;
import io.dockwatch.runtime.Reporter;
import io.dockwatch.runtime.Watcher;
import io.dockwatch.sink.FluentdSink;
import io.dockwatch.sink.GelfSink;
import io.dockwatch.sink.RecordSink;
import io.dockwatch.sink.StdoutSink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running agent: builds every part from one configuration and stops them in order. */
final class Daemon {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
  private static final long STOP_TIMEOUT_MILLIS = 10_000;
  private static final int STDOUT_QUEUE = 8_192;

  /**
   * How long one call to the engine's stats endpoint may take: the engine answers at its next
   * one-second collection tick, later when it has many containers to collect.
   */
  private static final Duration STATS_TIMEOUT = Duration.ofSeconds(3);

  private final Config config;
  private final Watcher watcher;
  private final List<RecordSink> sinks;
  private final MetricsService metrics;
  private final HttpEndpoint http;

  private Daemon(
      Config config,
      Watcher watcher,
      List<RecordSink> sinks,
      MetricsService metrics,
      HttpEndpoint http) {
    this.config = config;
    this.watcher = watcher;
    this.sinks = sinks;
    this.metrics = metrics;
    this.http = http;
  }

  static Daemon start(Config c) throws ConfigException, IOException {
    Clock clock = Clock.systemUTC();
    AgentMetrics agentMetrics =
        new AgentMetrics(Version.current(), io.micrometer.core.instrument.Clock.SYSTEM);
    MeteredListener listener = new MeteredListener(agentMetrics);
    List<RecordSink> sinks = sinks(c, clock);
    sinks.forEach(s -> agentMetrics.watchSink(s.name(), s::stats));

    Ledger ledger = new Ledger(c.agent().hostname());
    LedgerStore store = new LedgerStore(c.agent().stateDir());
    ledger.restore(store.load(RuleCatalog.standard()));
    listener.standing(ledger.findings());
    Inventory inventory = new Inventory();
    Watcher watcher =
        new Watcher(
            Engines.connector(c.docker()),
            new Policy(c),
            c.agent(),
            c.docker().pingInterval(),
            ledger,
            store,
            inventory,
            new Reporter(c.agent().hostname(), sinks, listener),
            listener,
            clock,
            eventLoop(),
            a -> HostFactsReader.of(a.hostRoot()));

    MetricsService metrics =
        new MetricsService(
            c.metrics(),
            c.tenancy().labels(),
            c.agent().hostRoot(),
            inventory::all,
            listener::findingGauges,
            new EngineAccess(Engines.connector(c.docker(), STATS_TIMEOUT), listener::engineVersion),
            new AgentBuild(Version.current(), Version.revision()),
            agentMetrics,
            clock);
    HealthSource health =
        () -> new HealthSource.Health(watcher.problem().map(List::of).orElse(List.of()));
    HttpEndpoint http = new HttpEndpoint(c.http(), metrics.source(), health, clock);
    http.start();
    if (!c.http().listen().getAddress().isLoopbackAddress()
        && (c.http().tlsCert() == null || c.http().basicAuth().isEmpty())) {
      LOG.warn(
          "http.listen={} is reachable beyond this host without TLS and basic auth: anyone who"
              + " can reach it reads the host's metrics",
          c.http().listen());
    }
    metrics.start();
    watcher.start();
    LOG.info(
        "started host={} engine={} metrics=http{}://{}:{} sinks={}",
        c.agent().hostname(),
        c.docker().host(),
        c.http().tlsCert() == null ? "" : "s",
        http.address().getHostString(),
        http.address().getPort(),
        sinks.stream().map(RecordSink::name).toList());
    return new Daemon(c, watcher, sinks, metrics, http);
  }

  private static ScheduledExecutorService eventLoop() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "event-loop");
          t.setDaemon(true);
          return t;
        });
  }

  private static List<RecordSink> sinks(Config c, Clock clock) throws IOException {
    List<RecordSink> sinks = new ArrayList<>();
    if (c.sinks().stdout()) {
      sinks.add(StdoutSink.start(System.out, STDOUT_QUEUE));
    }
    if (c.sinks().fluentd().enabled()) {
      sinks.add(FluentdSink.open(c.sinks().fluentd(), clock));
    }
    if (c.sinks().gelf().enabled()) {
      sinks.add(GelfSink.open(c.sinks().gelf(), clock));
    }
    return sinks;
  }

  /**
   * Applies what can change while running: rules, tenancy, exceptions and the agent's intervals.
   * The engine address, the endpoint, the sinks and the metric settings need a restart.
   */
  void reload(Config next) {
    List<String> restart = new ArrayList<>();
    if (!next.docker().equals(config.docker())) {
      restart.add("[docker]");
    }
    if (!next.http().equals(config.http())) {
      restart.add("[http]");
    }
    if (!next.sinks().equals(config.sinks())) {
      restart.add("[fluentd], [gelf], [stdout]");
    }
    if (!next.metrics().equals(config.metrics())) {
      restart.add("[metrics]");
    }
    if (!restart.isEmpty()) {
      LOG.warn("reload: changes to {} take effect at the next restart", String.join(", ", restart));
    }
    watcher.reload(new Policy(next), next.agent());
    LOG.info("configuration reloaded");
  }

  void stop() {
    LOG.info("stopping");
    http.close();
    try {
      watcher.stop(STOP_TIMEOUT_MILLIS / 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (RecordSink s : sinks) {
      s.close(STOP_TIMEOUT_MILLIS / 2);
    }
    metrics.close();
    LOG.info("stopped");
  }
}
