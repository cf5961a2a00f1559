package io.dockwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.ForwardEntry;
import io.dockwatch.e2e.support.ForwardReceiver;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exceptions are host configuration: a finding they cover is recorded as {@code waived} with its
 * reason, counted, and never dropped; once the exception has expired the finding is {@code open}.
 */
@ExtendWith(E2eExtension.class)
class ExceptionsEndToEndTest {

  private static boolean record(ForwardEntry e, String container, String state) {
    return "dockwatch.finding".equals(e.tag())
        && "logging.driver".equals(e.field("rule"))
        && container.equals(e.field("container_name"))
        && state.equals(e.field("state"));
  }

  @Test
  void activeExceptionWaives_expiredExceptionOpens(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int http = AgentConfigs.freePort();
    String config =
        AgentConfigs.standard(engine, receiver, agents, http, AgentConfigs.freePort())
            + """
            [[exceptions]]
            rules = ["logging.driver"]
            name = "e2e-waived"
            reason = "CHG-42 migrating to fluentd"
            expires = "%s"

            [[exceptions]]
            rules = ["logging.*"]
            name = "e2e-expired"
            reason = "CHG-41 ran out"
            expires = "%s"
            """
                .formatted(today.plusDays(1), today.minusDays(1));
    agents.writeConfig(config);
    AgentProcess agent =
        agents.start("run", "--config", agents.workDir().resolve("dockwatch.toml").toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));

    engine.run(
        "--name", "e2e-waived", "--log-driver", "json-file", "local/busybox:1", "sleep", "300");
    engine.run(
        "--name", "e2e-expired", "--log-driver", "json-file", "local/busybox:1", "sleep", "300");

    ForwardEntry waived = receiver.awaitEntry(e -> record(e, "e2e-waived", "waived"));
    ForwardEntry open = receiver.awaitEntry(e -> record(e, "e2e-expired", "open"));
    assertThat(waived.field("waiver_reason")).isEqualTo("CHG-42 migrating to fluentd");
    assertThat(waived.field("waiver_expires")).isEqualTo(today.plusDays(1).toString());
    assertThat(open.field("waiver_reason")).isNull();
    assertThat(receiver.entries()).noneMatch(e -> record(e, "e2e-waived", "open"));
    assertThat(
            agent
                .awaitGet(
                    http,
                    "/metrics",
                    r ->
                        r.body()
                            .contains("rule=\"logging.driver\",severity=\"high\",state=\"waived\""))
                .status())
        .isEqualTo(200);
  }
}
