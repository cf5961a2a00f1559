package io.dockwatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockwatch.audit.CheckResult.Status;
import io.dockwatch.docker.EngineClient;
import io.dockwatch.hostfacts.EngineFacts;
import io.dockwatch.hostfacts.HostFacts;
import io.dockwatch.hostfacts.HostFactsSource;
import io.dockwatch.policy.Checks;
import io.dockwatch.policy.FactsBuilder;
import io.dockwatch.policy.FakeEngine;
import io.dockwatch.policy.Fixtures;
import io.dockwatch.policy.Severity;
import io.dockwatch.policy.Subject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTest {
  private static final String CONFIG =
      "[[infrastructure]]\nname = \"pol-log-fluentd\"\nreason = \"log proxy\"\n\n"
          + "[[exceptions]]\nrules = [\"cis.5.5\"]\nname = \"pol-privileged\"\nreason = \"vendor appliance\"\n";

  private final FakeEngine engine = new FakeEngine();
  private final HostFactsSource host =
      new HostFactsSource() {
        @Override
        public HostFacts read(EngineClient e, Instant now) {
          return new FactsBuilder().daemon(List.of("-H", "fd://"), "{}").build(now);
        }

        @Override
        public Map<String, Instant> imageCreated(EngineFacts e, Collection<String> ids) {
          return Map.of();
        }
      };
  private AuditReport report;

  @BeforeEach
  void audit() throws Exception {
    engine.add("running");
    engine.add("privileged");
    engine.add("log-fluentd");
    String telnetd = engine.add("telnetd");
    engine.processes(engine.containerIds().get(0), List.of("sleep 3600"));
    engine.processes(telnetd, List.of("busybox telnetd -F -p 2323"));
    Audit audit = new Audit(Fixtures.policy(CONFIG), host, Clock.fixed(Checks.NOW, ZoneOffset.UTC));

    report = audit.run(engine);
  }

  private CheckResult find(String rule, String subject) {
    return report.checks().stream()
        .filter(c -> c.rule().equals(rule) && c.subjectName().equals(subject))
        .findFirst()
        .orElseThrow(() -> new AssertionError(rule + " on " + subject));
  }

  @Test
  void run_everyCheckOfEverySubject_isReportedPassesIncluded() {
    assertThat(find("cis.5.5", "pol-running").status()).isEqualTo(Status.PASS);
    assertThat(find("cis.5.5", "pol-privileged").status()).isEqualTo(Status.WAIVED);
    assertThat(find("remote.daemon-in-container", "pol-telnetd").status()).isEqualTo(Status.FAIL);
    assertThat(find("remote.daemon-in-container", "pol-running").status()).isEqualTo(Status.PASS);
    assertThat(find("remote.exec", "pol-running").status()).isEqualTo(Status.INFO);
    assertThat(find("engine.userns", "testhost").subject()).isEqualTo(Subject.HOST);
    assertThat(report.counts().get(Status.PASS)).isPositive();
  }

  @Test
  void run_infrastructureContainer_isSkippedWithItsReason() {
    assertThat(report.skipped()).containsEntry("pol-log-fluentd", "infrastructure: log proxy");
    assertThat(report.checks()).noneMatch(c -> c.subjectName().equals("pol-log-fluentd"));
  }

  @Test
  void failsAt_waivedCriticalDoesNotCountButHighFailuresDo() {
    assertThat(report.failsAt(Severity.HIGH)).isTrue();
    assertThat(report.failsAt(Severity.CRITICAL)).isFalse();
  }

  @Test
  void writeJson_reportAnAuditorCanFile() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Audit.writeJson(report, out);

    JsonNode json = new ObjectMapper().readTree(out.toByteArray());
    assertThat(json.path("cis_benchmark").asText()).isEqualTo("1.8.0");
    assertThat(json.path("summary").path("pass").asLong())
        .isEqualTo(report.counts().get(Status.PASS));
    assertThat(json.path("checks").size()).isEqualTo(report.checks().size());
    JsonNode waived = null;
    for (JsonNode c : json.path("checks")) {
      if (c.path("status").asText().equals("waived")) {
        waived = c;
      }
    }
    assertThat(waived).isNotNull();
    assertThat(waived.path("waiver_reason").asText()).isEqualTo("vendor appliance");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("2323");
  }

  @Test
  void writeText_groupsFailuresBySeverityThenSubject() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Audit.writeText(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .containsSubsequence("HIGH", "container pol-running", "MEDIUM", "LOW", "WAIVED", "SUMMARY");
    assertThat(text)
        .contains("remote.daemon-in-container", "not judged: infrastructure: log proxy");
  }
}
