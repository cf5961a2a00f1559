package io.dockwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.config.AgentConfig;
import io.dockwatch.docker.EngineClient;
import io.dockwatch.docker.EngineEvent;
import io.dockwatch.findings.Finding;
import io.dockwatch.findings.Ledger;
import io.dockwatch.findings.LedgerStore;
import io.dockwatch.hostfacts.EngineFacts;
import io.dockwatch.hostfacts.HostFacts;
import io.dockwatch.hostfacts.HostFactsSource;
import io.dockwatch.policy.FactsBuilder;
import io.dockwatch.policy.FakeEngine;
import io.dockwatch.policy.Fixtures;
import io.dockwatch.sink.OutboundRecord;
import io.dockwatch.sink.RecordSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event loop's part in host rules, processes, exec sessions and expiring exceptions. */
class WatcherHostTest {
  private static final String WAIVE_ENGINE_UNTIL_TODAY =
      "[[exceptions]]\nrules = [\"engine.*\"]\nname = \"*\"\nreason = \"lab host\"\n"
          + "expires = \"2026-12-04\"\n";

  @TempDir Path state;

  private final FakeEngine engine = new FakeEngine();
  private final ManualLoop loop = new ManualLoop();
  private final List<OutboundRecord> records = new ArrayList<>();
  private final Ledger ledger = new Ledger("testhost");
  private Instant now = Instant.parse("2026-12-04T20:00:00Z");

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private final HostFactsSource facts =
      new HostFactsSource() {
        @Override
        public HostFacts read(EngineClient e, Instant at) throws java.io.IOException {
          return new FactsBuilder()
              .engine(EngineFacts.parse(e.info(), e.version()))
              .daemon(List.of(), "{}")
              .build(at);
        }

        @Override
        public Map<String, Instant> imageCreated(EngineFacts e, Collection<String> ids) {
          return Map.of();
        }
      };

  private final RecordSink sink =
      new RecordSink() {
        @Override
        public void accept(OutboundRecord record) {
          records.add(record);
        }

        @Override
        public String name() {
          return "test";
        }

        @Override
        public io.dockwatch.sink.SinkStats stats() {
          return new io.dockwatch.sink.SinkStats(0, 0, records.size(), 0, 0);
        }

        @Override
        public void close(long timeoutMillis) {}
      };

  private Watcher watcher(String toml) {
    AgentConfig agent =
        new AgentConfig(
            "testhost",
            state,
            Path.of("/"),
            Duration.ofHours(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10));
    Watcher w =
        new Watcher(
            () -> engine,
            Fixtures.policy(toml),
            agent,
            Duration.ofSeconds(30),
            ledger,
            new LedgerStore(state),
            new Inventory(),
            new Reporter("testhost", List.of(sink), AgentListener.NONE),
            AgentListener.NONE,
            clock,
            loop,
            a -> facts);
    w.start();
    loop.runReady();
    return w;
  }

  private List<String> standing(String subjectKey) {
    return ledger.findings().stream()
        .filter(f -> f.subject().key().equals(subjectKey))
        .map(f -> f.rule().id() + " " + f.state().label() + " " + f.rule().severity().label())
        .toList();
  }

  private List<String> emitted(String rule) {
    return records.stream()
        .filter(r -> rule.equals(r.fields().get("rule")))
        .map(r -> r.fields().get("event") + " " + r.fields().get("subject"))
        .toList();
  }

  @Test
  void connect_hostRules_openFindingsAboutTheHost() {
    watcher("");

    assertThat(standing("host")).contains("engine.userns open medium", "network.icc open medium");
    assertThat(emitted("engine.userns")).containsExactly("opened host");
  }

  @Test
  void hostCheck_exceptionExpiredOvernight_reopensTheFinding() {
    watcher(WAIVE_ENGINE_UNTIL_TODAY);
    assertThat(standing("host")).contains("engine.userns waived medium");

    now = now.plus(Duration.ofHours(5));
    loop.runPeriodic();

    assertThat(standing("host")).contains("engine.userns open medium");
    assertThat(emitted("engine.userns")).containsSubsequence("waived host", "opened host");
  }

  @Test
  void daemonEvent_readsTheHostAgain() {
    watcher("");
    engine.info(i -> i.put("LoggingDriver", "fluentd"));

    engine.emit(new EngineEvent("daemon", "reload", "", "", 0));
    loop.runReady();

    assertThat(emitted("logging.daemon-default")).containsExactly("opened host", "resolved host");
  }

  @Test
  void execStart_asRoot_opensAHighFindingWithoutTheCommand() {
    String id = engine.add("hardened");
    watcher("");
    engine.exec("e1", Fixtures.engineJson("exec-root.json"));

    engine.emit(new EngineEvent("container", "exec_start", id, "e1", 0));
    loop.runReady();

    assertThat(standing(id)).contains("remote.exec open high");
    assertThat(engine.execInspections()).containsExactly("e1");
    assertThat(records.toString()).doesNotContain("sleep");
  }

  @Test
  void execStart_healthProbe_opensNothing() {
    String id = engine.add("hardened");
    watcher("");
    engine.exec("p1", Fixtures.engineJson("exec-probe.json"));

    engine.emit(new EngineEvent("container", "exec_start", id, "p1", 0));
    loop.runReady();

    assertThat(standing(id)).noneMatch(f -> f.startsWith("remote.exec"));
  }

  @Test
  void start_processesReadFromTop_revealATelnetDaemon() {
    String id = engine.add("telnetd");
    engine.processes(id, List.of("busybox telnetd -F -p 2323"));

    watcher("");

    assertThat(standing(id)).contains("remote.daemon-in-container open high");
    assertThat(ledger.findings()).extracting(Finding::fingerprint).doesNotHaveDuplicates();
  }
}
