package io.dockwatch.e2e;

import static io.dockwatch.e2e.support.Findings.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.Findings;
import io.dockwatch.e2e.support.ForwardEntry;
import io.dockwatch.e2e.support.ForwardReceiver;
import io.dockwatch.e2e.support.ForwardReceiver.Mode;
import io.dockwatch.e2e.support.Offenders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Findings survive a forward peer that is away or never acknowledges, and an agent restart in the
 * middle of that: every transition the agent printed on stdout reaches the peer in the end, and
 * copies sent again carry the {@code record_id} of the first.
 */
@ExtendWith(E2eExtension.class)
class DeliveryFaultsEndToEndTest {
  private static final Duration DELIVERY = Duration.ofSeconds(60);

  @Test
  void receiverAwayAcrossAnAgentRestart_everyFindingArrivesOnceItIsBack(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    Path config = writeConfig(engine, receiver, agents);
    AgentProcess first = start(agents, config);
    receiver.awaitEntry(e -> "host".equals(e.field("subject")));
    receiver.stop();
    for (int i = 1; i <= 3; i++) {
      Offenders.run(engine, "e2e-outage-" + i);
    }
    first.awaitStdout(l -> l.contains("e2e-outage-3") && l.contains(Offenders.RULE));
    engine.docker("rm", "-f", "e2e-outage-3");
    first.awaitStdout(l -> l.contains("e2e-outage-3") && l.contains("\"resolved\""));
    first.awaitStderr(l -> l.contains("records wait in the spool"));

    int firstExit = first.stop();
    // Removed while no agent runs: the next one learns it from its saved findings and the engine.
    engine.docker("rm", "-f", "e2e-outage-2");
    AgentProcess second = start(agents, config);
    second.awaitStdout(l -> l.contains("e2e-outage-2") && l.contains("\"resolved\""));
    receiver.restart();

    List<ForwardEntry> printed = new ArrayList<>(Findings.fromStdout(first.stdout()));
    printed.addAll(Findings.fromStdout(second.stdout()));
    Set<String> expected = Findings.transitions(printed);
    awaitTransitions(receiver, expected);
    List<ForwardEntry> received = receiver.entries();
    System.out.printf(
        "[measure] receiver away across an agent restart: %d transitions expected,"
            + " %d received (%d records, %d copies)%n",
        expected.size(),
        Findings.transitions(received).size(),
        received.size(),
        received.size() - Findings.countByRecordId(received).size());
    assertThat(firstExit).isIn(0, 143);
    assertThat(left(first)).isPositive();
    assertThat(second.stderr()).anyMatch(l -> l.matches(".*spool .* holds [1-9][0-9]* records.*"));
    assertThat(Findings.transitions(received)).isEqualTo(expected);
    assertThat(received).filteredOn(of(Offenders.RULE, "e2e-outage-1", "open")).isNotEmpty();
    assertThat(received).filteredOn(of(Offenders.RULE, "e2e-outage-2", "resolved")).isNotEmpty();
    assertThat(received).filteredOn(of(Offenders.RULE, "e2e-outage-3", "resolved")).isNotEmpty();
    assertThat(Findings.openedTwice(received)).isEmpty();
  }

  @Test
  void receiverNeverAcknowledges_everyFindingArrivesAgainAndCopiesShareTheirRecordId(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    AgentProcess agent = start(agents, writeConfig(engine, receiver, agents));
    receiver.awaitEntry(e -> "host".equals(e.field("subject")));

    receiver.mode(Mode.DROP_WITHOUT_ACK);
    Offenders.run(engine, "e2e-noack-1");
    agent.awaitStdout(l -> l.contains("e2e-noack-1"));
    await("a dropped send").atMost(DELIVERY).until(() -> receiver.droppedMessages() >= 1);
    receiver.mode(Mode.KEEP_WITHOUT_ACK);
    Offenders.run(engine, "e2e-noack-2");
    receiver.awaitEntries(of(Offenders.RULE, "e2e-noack-2", "open"), 1, DELIVERY);
    receiver.mode(Mode.ACKNOWLEDGE);
    Offenders.run(engine, "e2e-noack-3");
    agent.awaitStdout(l -> l.contains("e2e-noack-3") && l.contains(Offenders.RULE));

    List<ForwardEntry> printed = Findings.fromStdout(agent.stdout());
    Set<String> expected = Findings.transitions(printed);
    awaitTransitions(receiver, expected);
    await("one record_id per printed record")
        .atMost(DELIVERY)
        .until(() -> Findings.countByRecordId(receiver.entries()).size() >= printed.size());
    List<ForwardEntry> received = receiver.entries();
    Map<String, Long> copies = Findings.countByRecordId(received);
    System.out.printf(
        "[measure] receiver without acks: %d transitions expected, %d received"
            + " (%d records, %d record ids, %d copies, %d sends unacknowledged)%n",
        expected.size(),
        Findings.transitions(received).size(),
        received.size(),
        copies.size(),
        received.size() - copies.size(),
        receiver.droppedMessages());
    assertThat(Findings.transitions(received)).isEqualTo(expected);
    assertThat(copies).hasSize(printed.size());
    assertThat(copies.values()).anyMatch(n -> n > 1);
    assertThat(received.stream().collect(Collectors.groupingBy(e -> e.field("record_id"))))
        .allSatisfy((id, same) -> assertThat(Set.copyOf(same)).hasSize(1));
    assertThat(Findings.openedTwice(received)).isEmpty();
  }

  private static Path writeConfig(Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    return agents.writeConfig(
        AgentConfigs.standard(engine, receiver, agents, AgentConfigs.freePort()));
  }

  private static AgentProcess start(AgentLauncher agents, Path config) {
    AgentProcess agent = agents.start("run", "--config", config.toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));
    return agent;
  }

  private static void awaitTransitions(ForwardReceiver receiver, Set<String> expected) {
    Predicate<Set<String>> complete = got -> got.containsAll(expected);
    await("every printed transition at the receiver")
        .atMost(DELIVERY)
        .until(() -> Findings.transitions(receiver.entries()), complete);
  }

  /** The records the agent said it left in its spool when it stopped. */
  private static long left(AgentProcess agent) {
    return agent.stderr().stream()
        .filter(l -> l.contains("left in the spool"))
        .map(l -> l.replaceAll(".* records, ([0-9]+) left in the spool.*", "$1"))
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElse(0);
  }
}
