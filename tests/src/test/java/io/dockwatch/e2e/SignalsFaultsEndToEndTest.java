package io.dockwatch.e2e;

import static io.dockwatch.e2e.support.Findings.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.Findings;
import io.dockwatch.e2e.support.ForwardEntry;
import io.dockwatch.e2e.support.ForwardReceiver;
import io.dockwatch.e2e.support.Offenders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signals a service manager sends: SIGHUP reloads a valid configuration and rejects an invalid
 * one with the messages a start would give, keeping the running one; SIGTERM stops the agent within
 * the unit's stop timeout, its findings saved for the next start.
 */
@ExtendWith(E2eExtension.class)
class SignalsFaultsEndToEndTest {
  /** TimeoutStopSec of the systemd unit. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private static final String DISABLE_OFFENDERS_RULE =
      "[rules]\ndisabled = [\"" + Offenders.RULE + "\"]\n";

  /** Two mistakes, so that the comparison covers the whole list and its order. */
  private static final String MISTAKES = "[gelf]\nport = 0\nhots = \"x\"\n";

  @Test
  void hangUp_validThenInvalidConfiguration_firstTakesEffectSecondIsRejectedAndTheFirstStays(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    String standard = AgentConfigs.standard(engine, receiver, agents, AgentConfigs.freePort());
    Path config = agents.writeConfig(standard);
    AgentProcess agent = start(agents, config);
    Offenders.run(engine, "e2e-hup-1");
    receiver.awaitEntry(of(Offenders.RULE, "e2e-hup-1", "open"));

    agents.writeConfig(standard + DISABLE_OFFENDERS_RULE);
    agent.hangUp();
    ForwardEntry resolved = receiver.awaitEntry(of(Offenders.RULE, "e2e-hup-1", "resolved"));
    agent.awaitStderr(line -> line.contains("configuration reloaded"));
    agents.writeConfig(standard + DISABLE_OFFENDERS_RULE + MISTAKES);
    AgentProcess starting = agents.start("run", "--config", config.toString());
    int startExit = starting.awaitExit(Duration.ofSeconds(30));
    agent.hangUp();
    agent.awaitStderr(line -> line.contains("configuration reload rejected"));
    Offenders.run(engine, "e2e-hup-2", "--log-driver", "json-file");
    receiver.awaitEntry(of("logging.driver", "e2e-hup-2", "open"));

    assertThat(resolved.field("resolution")).isEqualTo("fixed");
    assertThat(startExit).isEqualTo(78);
    assertThat(problemsAfter(agent.stderr(), "configuration reload rejected"))
        .hasSize(2)
        .isEqualTo(problemsAfter(starting.stderr(), "configuration is not valid"));
    assertThat(receiver.entries()).filteredOn(of(Offenders.RULE, "e2e-hup-2", "open")).isEmpty();
    assertThat(agent.isAlive()).isTrue();
  }

  @Test
  void terminate_withRecordsWaitingForTheReceiver_exitsInTimeAndTheNextStartOpensNothingAgain(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) throws IOException {
    Path config =
        agents.writeConfig(
            AgentConfigs.standard(engine, receiver, agents, AgentConfigs.freePort()));
    AgentProcess first = start(agents, config);
    receiver.stop();
    Offenders.run(engine, "e2e-term-1");
    String opened = first.awaitStdout(l -> l.contains("e2e-term-1") && l.contains(Offenders.RULE));
    String fingerprint = Findings.fromStdout(List.of(opened)).get(0).field("fingerprint");
    first.awaitStderr(line -> line.contains("records wait in the spool"));

    long began = System.nanoTime();
    int exit = first.stop();
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    String saved = Files.readString(agents.stateDir().resolve("findings.json"));
    receiver.restart();
    AgentProcess second = start(agents, config);
    Offenders.run(engine, "e2e-term-2");
    second.awaitStdout(l -> l.contains("e2e-term-2") && l.contains(Offenders.RULE));
    receiver.awaitEntry(of(Offenders.RULE, "e2e-term-1", "open"));

    System.out.printf(
        "[measure] SIGTERM with records waiting: exit %d after %d ms%n", exit, took.toMillis());
    assertThat(exit).isIn(0, 143);
    assertThat(took).isLessThan(STOP_TIMEOUT);
    assertThat(first.stderr()).anyMatch(line -> line.contains("Daemon - stopped"));
    assertThat(saved).contains(fingerprint);
    assertThat(Findings.fromStdout(second.stdout()))
        .filteredOn(e -> fingerprint.equals(e.field("fingerprint")))
        .isEmpty();
    assertThat(Findings.openedTwice(receiver.entries())).isEmpty();
  }

  private static AgentProcess start(AgentLauncher agents, Path config) {
    AgentProcess agent = agents.start("run", "--config", config.toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));
    return agent;
  }

  /** The indented lines that follow the first line containing {@code heading}. */
  private static List<String> problemsAfter(List<String> lines, String heading) {
    int at = 0;
    while (at < lines.size() && !lines.get(at).contains(heading)) {
      at++;
    }
    return lines.subList(Math.min(at + 1, lines.size()), lines.size()).stream()
        .takeWhile(line -> line.startsWith("  "))
        .map(String::strip)
        .toList();
  }
}
