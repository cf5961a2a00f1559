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
import io.dockwatch.sink.OutboundRecord;
import io.dockwatch.testing.FakeEngine;
import io.dockwatch.testing.Fixtures;
import io.dockwatch.testing.RecordingSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of engine events, in any order and with containers vanishing between event and
 * inspection: afterwards the standing findings are exactly those a fresh evaluation of the engine's
 * containers gives, and every fingerprint's records alternate open and resolved.
 */
class WatcherPropertyTest {
  private static final String[] ACTIONS = {
    "create", "start", "die", "kill", "stop", "destroy", "rename", "update", "restart", "oom"
  };

  @Test
  void randomEvents_endStateMatchesAFreshEvaluation(@TempDir Path state) throws Exception {
    for (long seed = 1; seed <= 5; seed++) {
      runOnce(new Random(seed), state.resolve("s" + seed));
    }
  }

  private void runOnce(Random random, Path state) throws Exception {
    // Only rules decided by the snapshots and the tenancy: those that read host facts, process
    // lists or restart history have inputs a fresh evaluation here would not have.
    String disabled =
        RuleCatalog.standard().ids().stream()
            .filter(id -> !id.startsWith("tenancy.") && !id.startsWith("network."))
            .filter(id -> !id.startsWith("logging.") || id.equals("logging.daemon-default"))
            .map(id -> "\"" + id + "\"")
            .collect(java.util.stream.Collectors.joining(", "));
    Config config =
        Fixtures.config(
            "[tenancy.labels]\nenvironment = \"env\"\nsystem = \"sys\"\ncustomer = \"cust\"\n"
                // pinned: an unpinned host tenant depends on the order containers came and went
                + "[tenancy.expected]\nenvironment = \"prod\"\nsystem = \"shop\"\ncustomer = \"acme\"\n"
                + "[rules]\ndisabled = ["
                + disabled
                + "]\n");
    FakeEngine engine = new FakeEngine();
    RecordingSink sink = new RecordingSink();
    Ledger ledger = new Ledger("h1");
    Watcher watcher =
        new Watcher(
            engine::connect,
            new Policy(config),
            config.agent(),
            Duration.ofSeconds(30),
            ledger,
            new LedgerStore(state),
            new Inventory(),
            new Reporter("h1", List.of(sink), AgentListener.NONE),
            AgentListener.NONE,
            Clock.systemUTC(),
            Executors.newSingleThreadScheduledExecutor(),
            a -> HostFactsReader.of(a.hostRoot()));
    watcher.start();
    await().until(() -> watcher.problem().isEmpty());

    for (int i = 0; i < 400; i++) {
      String id = "c" + random.nextInt(12);
      String action = ACTIONS[random.nextInt(ACTIONS.length)];
      if (action.equals("destroy")) {
        engine.remove(id);
      } else if (action.equals("create") || random.nextInt(4) == 0) {
        String env = random.nextBoolean() ? "prod" : "dev";
        engine.add(
            Fixtures.container(
                id,
                "2026-01-01T00:00:" + String.format("%02d", random.nextInt(60)) + "Z",
                Map.of("env", env, "sys", "shop", "cust", "acme")));
      }
      engine.emit(EngineEvent.container(action, id));
    }
    watcher.stop(5_000);

    Map<String, String> last = new HashMap<>();
    for (OutboundRecord r : sink.containerRecords()) {
      String fp = (String) r.fields().get("fingerprint");
      String st = (String) r.fields().get("state");
      String before = last.put(fp, st);
      assertThat(st).as("fingerprint %s repeated state %s", fp, st).isNotEqualTo(before);
    }
    List<String> open =
        last.entrySet().stream()
            .filter(e -> !e.getValue().equals("resolved"))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();

    Ledger fresh = new Ledger("h1");
    Policy policy = new Policy(config);
    List<ContainerSnapshot> all =
        engine.connect().containerIds().stream()
            .map(
                id -> {
                  try {
                    return engine.connect().inspect(id).orElseThrow();
                  } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    var ctx = policy.context(java.time.Instant.now(), all);
    for (ContainerSnapshot c : all) {
      fresh.reconcile(
          new io.dockwatch.findings.SubjectRef(c.id(), c.id(), c.name(), c.image(), Map.of(), ""),
          policy.check(c, ctx),
          java.time.Instant.now());
    }
    List<String> expected = fresh.findings().stream().map(f -> f.fingerprint()).sorted().toList();
    assertThat(open).isEqualTo(expected);
  }
}
