package io.dockwatch.cli;

import io.dockwatch.config.Config;
import io.dockwatch.config.ConfigException;
import io.dockwatch.findings.Ledger;
import io.dockwatch.findings.LedgerStore;
import io.dockwatch.policy.Policy;
import io.dockwatch.policy.RuleCatalog;
import io.dockwatch.runtime.AgentListener;
import io.dockwatch.runtime.EngineConnector;
import io.dockwatch.runtime.Inventory;
import io.dockwatch.runtime.Reporter;
import io.dockwatch.runtime.Watcher;
import io.dockwatch.sink.FluentdSink;
import io.dockwatch.sink.GelfSink;
import io.dockwatch.sink.RecordSink;
import io.dockwatch.sink.StdoutSink;
import java.io.IOException;
import java.time.Clock;
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

  private final Config config;
  private final Watcher watcher;
  private final List<RecordSink> sinks;

  private Daemon(Config config, Watcher watcher, List<RecordSink> sinks) {
    this.config = config;
    this.watcher = watcher;
    this.sinks = sinks;
  }

  static Daemon start(Config c) throws ConfigException, IOException {
    Clock clock = Clock.systemUTC();
    List<RecordSink> sinks = sinks(c, clock);
    AgentListener listener = AgentListener.NONE;
    Ledger ledger = new Ledger(c.agent().hostname());
    LedgerStore store = new LedgerStore(c.agent().stateDir());
    ledger.restore(store.load(RuleCatalog.standard()));
    EngineConnector connector = Engines.connector(c.docker());
    ScheduledExecutorService loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "event-loop");
              t.setDaemon(true);
              return t;
            });
    Watcher watcher =
        new Watcher(
            connector,
            new Policy(c),
            c.agent(),
            c.docker().pingInterval(),
            ledger,
            store,
            new Inventory(),
            new Reporter(c.agent().hostname(), sinks, listener),
            listener,
            clock,
            loop);
    watcher.start();
    LOG.info(
        "started host={} engine={} sinks={}",
        c.agent().hostname(),
        c.docker().host(),
        sinks.stream().map(RecordSink::name).toList());
    return new Daemon(c, watcher, sinks);
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

  void reload(Config next) {
    if (!next.docker().equals(config.docker())
        || !next.http().equals(config.http())
        || !next.sinks().equals(config.sinks())) {
      LOG.warn("reload: changes to [docker], [http] and the sinks take effect at the next restart");
    }
    watcher.reload(new Policy(next), next.agent());
    LOG.info("configuration reloaded");
  }

  void stop() {
    LOG.info("stopping");
    try {
      watcher.stop(STOP_TIMEOUT_MILLIS / 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (RecordSink s : sinks) {
      s.close(STOP_TIMEOUT_MILLIS / 2);
    }
    LOG.info("stopped");
  }
}
