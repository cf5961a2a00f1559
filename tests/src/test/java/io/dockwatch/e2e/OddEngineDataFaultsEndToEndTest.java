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
import io.dockwatch.e2e.support.HttpReply;
import io.dockwatch.e2e.support.Offenders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Engine data no one types by hand: a 64 KiB label value, labels in other scripts, control
 * characters in labels, a thousand published ports. The agent reports on them in records of a
 * bounded size, free of control characters, and goes on evaluating what comes next.
 */
@ExtendWith(E2eExtension.class)
class OddEngineDataFaultsEndToEndTest {
  private static final String HUGE = "x".repeat(64 * 1024);
  private static final String SCRIPTS = "Zürich-東京-Ωμέγα-🚀";
  private static final String CONTROLS = "a\u0001b\nc\u001b[31md\te\u007f";
  private static final int FIRST_PORT = 20000;
  private static final int PORTS = 1000;

  /** Fifteen ports named one by one, the rest folded into one finding. */
  private static final int PORT_FINDINGS = 16;

  /** Larger than any honest finding record; the huge label alone would be 64 KiB. */
  private static final int RECORD_BOUND_BYTES = 16 * 1024;

  private static final String CPU = "container_cpu_usage_seconds_total{";
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  @Test
  void oddLabelsAndAThousandPorts_recordsStayBoundedAndTheLoopGoesOn(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    int http = AgentConfigs.freePort();
    agents.writeConfig(AgentConfigs.standard(engine, receiver, agents, http));
    AgentProcess agent =
        agents.start("run", "--config", agents.workDir().resolve("dockwatch.toml").toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));

    Offenders.run(engine, "e2e-odd-huge", "--label", "cust=" + HUGE);
    Offenders.run(engine, "e2e-odd-scripts", "--label", "sys=" + SCRIPTS, "--label", "名前=Zoë");
    Offenders.run(
        engine, "e2e-odd-controls", "--label", "sys=" + CONTROLS, "--label", "ke\u0007y=v\u0002");
    String range = FIRST_PORT + "-" + (FIRST_PORT + PORTS - 1);
    Offenders.create(engine, "e2e-odd-ports", "-p", "127.0.0.1:" + range + ":" + range);
    List<ForwardEntry> ports =
        receiver.awaitEntries(
            of("network.port-not-allowed", "e2e-odd-ports", "open"),
            PORT_FINDINGS,
            Duration.ofSeconds(60));
    Offenders.run(engine, "e2e-odd-after");
    receiver.awaitEntry(of(Offenders.RULE, "e2e-odd-after", "open"));
    HttpReply metrics =
        agent.awaitGet(
            http,
            "/metrics",
            r -> r.body().lines().anyMatch(l -> l.startsWith(CPU) && l.contains("e2e-odd-after")));

    ForwardEntry huge = receiver.awaitEntry(of(Offenders.RULE, "e2e-odd-huge", "open"));
    ForwardEntry scripts = receiver.awaitEntry(of(Offenders.RULE, "e2e-odd-scripts", "open"));
    ForwardEntry controls = receiver.awaitEntry(of(Offenders.RULE, "e2e-odd-controls", "open"));
    int largest =
        agent.stdout().stream().mapToInt(OddEngineDataFaultsEndToEndTest::bytes).max().orElse(0);
    System.out.printf(
        "[measure] odd engine data: %d records, largest %d bytes; %d port findings%n",
        agent.stdout().size(), largest, ports.size());
    assertThat(largest).isLessThan(RECORD_BOUND_BYTES);
    assertThat(customer(huge)).startsWith("xxxx").hasSizeLessThan(1024);
    assertThat(tenancy(scripts).get("system")).isEqualTo(SCRIPTS);
    assertThat(String.valueOf(tenancy(controls).get("system")))
        .doesNotContainPattern(CONTROL)
        .startsWith("a");
    assertThat(Findings.fromStdout(agent.stdout()))
        .flatExtracting(e -> e.record().values())
        .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContainPattern(CONTROL));
    assertThat(ports)
        .extracting(e -> e.field("fingerprint"))
        .doesNotHaveDuplicates()
        .hasSize(PORT_FINDINGS);
    assertThat(ports)
        .anySatisfy(
            e -> assertThat(e.field("message")).contains((PORTS - PORT_FINDINGS + 1) + " more"));
    assertThat(metrics.body().lines().filter(l -> l.startsWith(CPU)))
        .anyMatch(l -> l.contains("container_label_sys=\"" + SCRIPTS + "\""))
        .anyMatch(l -> l.contains("container_label_cust=\"xxxx"))
        .allMatch(l -> l.length() < RECORD_BOUND_BYTES);
    assertThat(agent.stderr()).noneMatch(line -> line.contains("[ERROR]"));
    assertThat(agent.isAlive()).isTrue();
  }

  private static int bytes(String line) {
    return line.getBytes(StandardCharsets.UTF_8).length;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tenancy(ForwardEntry e) {
    return (Map<String, Object>) e.record().get("tenancy");
  }

  private static String customer(ForwardEntry e) {
    return String.valueOf(tenancy(e).get("customer"));
  }
}
