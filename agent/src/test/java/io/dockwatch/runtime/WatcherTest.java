package io.dockwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dockwatch.config.Config;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.EngineEvent;
import io.dockwatch.findings.Ledger;
import io.dockwatch.findings.LedgerStore;
import io.dockwatch.hostfacts.HostFactsReader;
import io.dockwatch.policy.Policy;
import io.dockwatch.policy.RuleCatalog;
import io.dockwatch.testing.FakeEngine;
import io.dockwatch.testing.Fixtures;
import io.dockwatch.testing.RecordingSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherTest {
  private static final String CONFIG =
      """
      [tenancy.labels]
      environment = "env"
      system = "sys"
      customer = "cust"
      [rules]
      disabled = ["network.port-not-allowed", "network.bind-all-interfaces"]
      [rules.logging]
      drivers = ["json-file"]
      """;

  @TempDir Path state;
  private final FakeEngine engine = new FakeEngine();
  private final RecordingSink sink = new RecordingSink();
  private final AtomicReference<String> engineVersion = new AtomicReference<>("");
  private final AgentListener listener =
      new AgentListener() {
        @Override
        public void engineVersion(String version) {
          engineVersion.set(version);
        }
      };
  private Watcher watcher;

  private Watcher start(Ledger ledger) {
    return start(ledger, Executors.newSingleThreadScheduledExecutor());
  }

  private Watcher start(Ledger ledger, ScheduledExecutorService loop) {
    Config config = Fixtures.config(CONFIG + "[agent]\nstate_dir = \"" + state + "\"\n");
    watcher =
        new Watcher(
            engine::connect,
            new Policy(config),
            config.agent(),
            Duration.ofMillis(200),
            ledger,
            new LedgerStore(state),
            new Inventory(),
            new Reporter("h1", List.of(sink), AgentListener.NONE),
            listener,
            Clock.systemUTC(),
            loop,
            a -> HostFactsReader.of(a.hostRoot()));
    watcher.start();
    return watcher;
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (watcher != null) {
      watcher.stop(2_000);
    }
  }

  private static ContainerSnapshot tenant(String id, String created, String env) {
    return Fixtures.container(id, created, Map.of("env", env, "sys", "shop", "cust", "acme"));
  }

  @Test
  void start_existingOffender_isOpenedOnce() {
    engine.add(tenant("a", "2026-01-01T00:00:00Z", "prod"));
    engine.add(tenant("b", "2026-02-01T00:00:00Z", "dev"));

    start(new Ledger("h1"));

    await()
        .untilAsserted(
            () -> assertThat(sink.summary("tenancy.")).containsExactly("opened:tenancy.mixed:b"));
  }

  @Test
  void createEvent_newOffender_isOpened_andRemovalResolvesIt() {
    engine.add(tenant("a", "2026-01-01T00:00:00Z", "prod"));
    start(new Ledger("h1"));
    await().until(() -> watcher.problem().isEmpty());

    engine.add(tenant("b", "2026-02-01T00:00:00Z", "dev"));
    engine.emit(EngineEvent.container("create", "b"));
    engine.emit(EngineEvent.container("start", "b"));
    await()
        .untilAsserted(
            () -> assertThat(sink.summary("tenancy.")).containsExactly("opened:tenancy.mixed:b"));
    engine.remove("b");
    engine.emit(EngineEvent.container("kill", "b"));
    engine.emit(EngineEvent.container("die", "b"));
    engine.emit(EngineEvent.container("destroy", "b"));

    await()
        .untilAsserted(
            () ->
                assertThat(sink.summary("tenancy."))
                    .containsExactly("opened:tenancy.mixed:b", "resolved:tenancy.mixed:b"));
    assertThat(sink.containerRecords())
        .filteredOn(r -> "resolved".equals(r.fields().get("state")))
        .allSatisfy(r -> assertThat(r.fields()).containsEntry("resolution", "removed"))
        .isNotEmpty();
  }

  @Test
  void incumbentRemoved_newcomerBecomesTheHostTenant_andItsFindingResolves() {
    engine.add(tenant("a", "2026-01-01T00:00:00Z", "prod"));
    engine.add(tenant("b", "2026-02-01T00:00:00Z", "dev"));
    start(new Ledger("h1"));
    await().untilAsserted(() -> assertThat(sink.summary("tenancy.")).hasSize(1));

    engine.remove("a");
    engine.emit(EngineEvent.container("destroy", "a"));

    await()
        .untilAsserted(
            () ->
                assertThat(sink.summary("tenancy."))
                    .containsExactly("opened:tenancy.mixed:b", "resolved:tenancy.mixed:b"));
  }

  @Test
  void incumbentRedeployed_otherContainersOfItsTenantKeepTheHost_noFalseAlarm() {
    engine.add(tenant("a", "2026-01-01T00:00:00Z", "prod"));
    engine.add(tenant("b", "2026-02-01T00:00:00Z", "dev"));
    engine.add(tenant("c", "2026-03-01T00:00:00Z", "prod"));
    start(new Ledger("h1"));
    await().untilAsserted(() -> assertThat(sink.summary("tenancy.")).hasSize(1));

    int before = engine.inspections();
    engine.remove("a");
    engine.emit(EngineEvent.container("destroy", "a"));
    engine.add(tenant("a2", "2026-04-01T00:00:00Z", "prod"));
    engine.emit(EngineEvent.container("create", "a2"));

    engine.emit(EngineEvent.container("update", "c"));

    // a, a2 and then c are inspected in turn on the one loop: once c is, a and a2 were evaluated
    await().until(() -> engine.inspections() >= before + 3);
    assertThat(sink.summary("tenancy.")).containsExactly("opened:tenancy.mixed:b");
  }

  @Test
  void execDie_inspectsTheContainerAgain_soADaemonStartedByTheExecIsSeen() {
    engine.add(tenant("a", "2026-01-01T00:00:00Z", "prod"));
    start(new Ledger("h1"));
    await().until(() -> watcher.problem().isEmpty());
    int before = engine.inspections();

    engine.emit(EngineEvent.container("exec_die", "a"));

    await().until(() -> engine.inspections() > before);
  }

  @Test
  void eventForVanishedContainer_isIgnored_andTheLoopGoesOn() {
    start(new Ledger("h1"));
    await().until(() -> watcher.problem().isEmpty());

    engine.emit(EngineEvent.container("start", "ghost"));
    engine.add(tenant("a", "2026-01-01T00:00:00Z", "prod"));
    engine.add(tenant("b", "2026-02-01T00:00:00Z", "dev"));
    engine.emit(EngineEvent.container("create", "a"));
    engine.emit(EngineEvent.container("create", "b"));

    await()
        .untilAsserted(
            () -> assertThat(sink.summary("tenancy.")).containsExactly("opened:tenancy.mixed:b"));
  }

  @Test
  void engineRestart_stillTrueFindingsKeepTheirFingerprint_vanishedOnesResolve() {
    engine.add(tenant("a", "2026-01-01T00:00:00Z", "prod"));
    engine.add(tenant("b", "2026-02-01T00:00:00Z", "dev"));
    engine.add(tenant("c", "2026-03-01T00:00:00Z", "test"));
    start(new Ledger("h1"));
    await().untilAsserted(() -> assertThat(sink.summary("tenancy.")).hasSize(2));

    engine.down();
    await().until(() -> watcher.problem().isPresent());
    assertThat(watcher.problem().orElseThrow()).startsWith("engine unavailable: ");
    engine.remove("c");
    engine.up();

    await()
        .untilAsserted(
            () ->
                assertThat(sink.summary("tenancy."))
                    .endsWith("resolved:tenancy.mixed:c")
                    .hasSize(3));
    assertThat(engine.connections()).isGreaterThanOrEqualTo(2);
    await().until(() -> watcher.problem().isEmpty());
  }

  @Test
  void engineUpgradedWhileAway_theNewVersionIsReportedAtReconnection() {
    engine.version("20.10.24");
    start(new Ledger("h1"));
    await().until(() -> engineVersion.get().equals("20.10.24"));

    engine.down();
    await().until(() -> watcher.problem().isPresent());
    engine.version("24.0.7");
    engine.up();

    await().until(() -> engineVersion.get().equals("24.0.7"));
  }

  @Test
  void inspectionFailsMidBatch_removalSeenEarlierInTheBatchStillResolves() {
    ManualLoop loop = new ManualLoop();
    engine.add(tenant("a", "2026-01-01T00:00:00Z", "prod"));
    engine.add(tenant("b", "2026-02-01T00:00:00Z", "dev"));
    engine.add(tenant("c", "2026-03-01T00:00:00Z", "test"));
    start(new Ledger("h1"), loop);
    loop.runReady();
    engine.remove("b");
    engine.breakInspectionOf("c");
    engine.emit(EngineEvent.container("destroy", "b"));
    engine.emit(EngineEvent.container("die", "c"));

    loop.runReady();
    engine.mendInspections();
    watcher.connect();
    loop.runReady();

    assertThat(sink.summary("tenancy."))
        .containsExactly(
            "opened:tenancy.mixed:b", "opened:tenancy.mixed:c", "resolved:tenancy.mixed:b");
  }

  @Test
  void agentRestart_standingFindingsAreNotOpenedAgain_andGoneOnesResolve() throws Exception {
    engine.add(tenant("a", "2026-01-01T00:00:00Z", "prod"));
    engine.add(tenant("b", "2026-02-01T00:00:00Z", "dev"));
    engine.add(tenant("c", "2026-03-01T00:00:00Z", "test"));
    start(new Ledger("h1"));
    await().untilAsserted(() -> assertThat(sink.summary("tenancy.")).hasSize(2));
    watcher.stop(2_000);

    engine.remove("c");
    Ledger restored = new Ledger("h1");
    restored.restore(new LedgerStore(state).load(RuleCatalog.standard()));
    start(restored);

    await()
        .untilAsserted(
            () ->
                assertThat(sink.summary("tenancy."))
                    .hasSize(3)
                    .endsWith("resolved:tenancy.mixed:c"));
  }

  @Test
  void burstOfEvents_eachContainerIsInspectedOncePerDrainNotPerEvent() {
    start(new Ledger("h1"));
    await().until(() -> watcher.problem().isEmpty());
    int before = engine.inspections();

    engine.add(tenant("a", "2026-01-01T00:00:00Z", "prod"));
    for (String action : List.of("create", "start", "attach", "start", "update")) {
      engine.emit(EngineEvent.container(action, "a"));
    }

    await().until(() -> engine.inspections() > before);
    assertThat(engine.inspections() - before).isLessThanOrEqualTo(5);
  }
}
