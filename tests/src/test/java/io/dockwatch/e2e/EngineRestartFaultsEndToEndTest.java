package io.dockwatch.e2e;

import static io.dockwatch.e2e.support.Findings.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.Findings;
import io.dockwatch.e2e.support.ForwardEntry;
import io.dockwatch.e2e.support.ForwardReceiver;
import io.dockwatch.e2e.support.HttpReply;
import io.dockwatch.e2e.support.Offenders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine restarts under a running agent: the agent says why it is unhealthy while the engine is
 * away, reconnects and resynchronises when it is back, reports what was created meanwhile, resolves
 * what vanished, and opens nothing twice.
 */
@ExtendWith(E2eExtension.class)
class EngineRestartFaultsEndToEndTest {
  private static final int ROUNDS = 3;
  private static final String UNLABELLED = Offenders.RULE;
  private static final String RECONNECTED = "reconnected to engine";

  @Test
  void restart_engineGoesAndComes_agentRecoversWithoutDuplicatesAndResolvesTheVanished(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    assumeTrue(engine.isPrivate(), "only a private engine can be restarted");
    int http = AgentConfigs.freePort();
    agents.writeConfig(AgentConfigs.standard(engine, receiver, agents, http));
    AgentProcess agent =
        agents.start("run", "--config", agents.workDir().resolve("dockwatch.toml").toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));
    Offenders.run(engine, "e2e-restart-kept", "--restart", "always");
    // Removed by the engine itself as it stops, while the agent loses or has lost its connection.
    Offenders.run(engine, "e2e-restart-gone", "--rm");
    receiver.awaitEntry(of(UNLABELLED, "e2e-restart-kept", "open"));
    receiver.awaitEntry(of(UNLABELLED, "e2e-restart-gone", "open"));
    List<Duration> reconnects = new ArrayList<>();
    List<Duration> firstFindings = new ArrayList<>();
    AtomicReference<HttpReply> healthWhileDown = new AtomicReference<>();
    AtomicReference<HttpReply> metricsWhileDown = new AtomicReference<>();

    for (int round = 1; round <= ROUNDS; round++) {
      engine.restart(
          () -> {
            healthWhileDown.set(agent.awaitGet(http, "/healthz", r -> r.status() == 503));
            metricsWhileDown.set(agent.get(http, "/metrics"));
          });
      Instant answered = Instant.now();
      String created = "e2e-restart-new-" + round;
      Offenders.run(engine, created);
      int rounds = round;
      String reconnected =
          await("reconnection " + round)
              .atMost(Duration.ofSeconds(60))
              .until(() -> linesWith(agent, RECONNECTED), lines -> lines.size() >= rounds)
              .get(round - 1);
      ForwardEntry first = receiver.awaitEntry(of(UNLABELLED, created, "open"));
      reconnects.add(Duration.between(answered, logTime(reconnected)));
      firstFindings.add(Duration.between(answered, first.time()));
      agent.awaitGet(http, "/healthz", r -> r.status() == 200);
    }

    receiver.awaitEntry(of(UNLABELLED, "e2e-restart-gone", "resolved"));
    List<ForwardEntry> printed = Findings.fromStdout(agent.stdout());
    System.out.printf(
        "[measure] engine restart: reconnect after %s ms, first finding after %s ms"
            + " (median %d / %d ms over %d restarts); the agent's own account: %s%n",
        millis(reconnects),
        millis(firstFindings),
        median(reconnects),
        median(firstFindings),
        ROUNDS,
        linesWith(agent, RECONNECTED).stream()
            .map(line -> line.substring(line.indexOf("after=")))
            .toList());
    assertThat(healthWhileDown.get().body()).startsWith("engine unavailable: ");
    assertThat(metricsWhileDown.get().status()).isEqualTo(200);
    assertThat(metricsWhileDown.get().body()).contains("dockwatch_engine_connected 0");
    assertThat(Findings.openedTwice(printed)).isEmpty();
    assertThat(Findings.openedTwice(receiver.entries())).isEmpty();
    assertThat(Findings.fingerprints(printed, Findings.about("e2e-restart-gone", "resolved")))
        .isEqualTo(Findings.fingerprints(printed, Findings.about("e2e-restart-gone", "open")));
    assertThat(printed)
        .filteredOn(Findings.about("e2e-restart-gone", "resolved"))
        .extracting(e -> e.field("resolution"))
        .containsOnly("removed");
    assertThat(printed).filteredOn(Findings.about("e2e-restart-kept", "resolved")).isEmpty();
    assertThat(agent.stderr().stream().filter(l -> l.contains("engine unavailable")))
        .hasSize(ROUNDS);
  }

  private static List<String> linesWith(AgentProcess agent, String text) {
    return agent.stderr().stream().filter(line -> line.contains(text)).toList();
  }

  /** The time at the start of a log line, such as {@code 2026-01-02T03:04:05.678Z [INFO] ...}. */
  private static Instant logTime(String line) {
    return Instant.parse(line.substring(0, line.indexOf(' ')));
  }

  private static List<Long> millis(List<Duration> durations) {
    return durations.stream().map(Duration::toMillis).toList();
  }

  private static long median(List<Duration> durations) {
    List<Long> sorted = millis(durations).stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
