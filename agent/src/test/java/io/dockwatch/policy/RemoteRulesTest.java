package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.informs;
import static io.dockwatch.policy.OutcomeAssert.passes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockwatch.docker.ContainerSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteRulesTest {
  private static Checks daemon(List<String> args, String json) {
    return Checks.with(new FactsBuilder().daemon(args, json).build(Checks.NOW));
  }

  /** The command lines as the engine's top endpoint gives them (its CMD column). */
  private static List<String> top(String fixture) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : Fixtures.engineJson(fixture).path("Processes")) {
      out.add(p.get(p.size() - 1).asText());
    }
    return out;
  }

  private static Checks activity(String toml, ActivityLog log) {
    return new Checks(Fixtures.policy(toml), new FactsBuilder().build(Checks.NOW), log.view());
  }

  @Test
  void engineTcp_withoutTls_fails() {
    fails(
        daemon(List.of("-H", "tcp://0.0.0.0:2375"), null).hostOutcome("remote.engine-tcp-plain"),
        "plain");
    fails(
        daemon(List.of("-H", "0.0.0.0:2376", "--tls"), null).hostOutcome("remote.engine-tcp-plain"),
        "tls-without-verify");
  }

  @Test
  void engineTcp_withTlsVerifyFromTheFile_passes() {
    passes(
        daemon(List.of(), "{\"hosts\": [\"tcp://10.0.0.5:2376\"], \"tlsverify\": true}")
            .hostOutcome("remote.engine-tcp-plain"));
  }

  @Test
  void engineTcp_unixOnlyOrUnknown_informs() {
    informs(daemon(List.of("-H", "fd://"), null).hostOutcome("remote.engine-tcp-plain"));
    informs(Checks.standard().hostOutcome("remote.engine-tcp-plain"));
  }

  @Test
  void daemonInContainer_telnetdFromTop_failsWithoutPsInTheImage() {
    ContainerSnapshot c = Fixtures.container("telnetd");
    ActivityLog log = new ActivityLog(true);
    log.processes(c.id(), top("top-telnetd.json"), Checks.NOW);

    List<Violation> v =
        fails(activity("", log).outcome("remote.daemon-in-container", c), "telnetd");

    assertThat(v.get(0).evidence().toString()).doesNotContain("2323");
  }

  @Test
  void daemonInContainer_declaredRemoteAccessPurpose_passes() {
    ContainerSnapshot c = Fixtures.container("telnetd");
    ActivityLog log = new ActivityLog(true);
    log.processes(c.id(), top("top-telnetd.json"), Checks.NOW);

    passes(
        activity("[[remote_access]]\nname = \"pol-telnetd\"\nreason = \"jump host\"\n", log)
            .outcome("remote.daemon-in-container", c));
  }

  @Test
  void daemonInContainer_sshdProcessTitles_areRecognised() {
    ContainerSnapshot c = Fixtures.container("running");
    ActivityLog log = new ActivityLog(true);
    log.processes(
        c.id(),
        List.of("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", "sleep 3600"),
        Checks.NOW);

    fails(activity("", log).outcome("remote.daemon-in-container", c), "sshd");
  }

  @Test
  void daemonInContainer_notRunningOrNotRead_informs() {
    informs(Checks.standard().outcome("remote.daemon-in-container", Fixtures.container("created")));
    informs(Checks.standard().outcome("remote.daemon-in-container", Fixtures.container("running")));
  }

  @Test
  void exec_rootAndPrivileged_weighHighWithTheirCisNumbers() {
    ContainerSnapshot hardened = Fixtures.container("hardened");
    ContainerSnapshot running = Fixtures.container("running");
    ActivityLog log = new ActivityLog(true);
    log.seen(hardened, Checks.NOW);
    log.exec(hardened, session("exec-root.json"));
    log.exec(hardened, session("exec-interactive.json"));
    log.exec(running, session("exec-privileged.json"));
    Checks checks = activity("", log);

    List<Verdict> onHardened = checks.on("remote.exec", hardened).verdicts();
    List<Verdict> onRunning = checks.on("remote.exec", running).verdicts();

    assertThat(onHardened)
        .extracting(
            v -> v.violation().detail() + " " + v.rule().severity().label() + " " + v.rule().cis())
        .containsExactlyInAnyOrder("root high 5.24", "user low ");
    assertThat(onRunning)
        .extracting(
            v -> v.violation().detail() + " " + v.rule().severity().label() + " " + v.rule().cis())
        .containsExactly("privileged high 5.23");
  }

  @Test
  void exec_evidence_neverCarriesTheCommand() {
    ContainerSnapshot hardened = Fixtures.container("hardened");
    ActivityLog log = new ActivityLog(true);
    log.exec(hardened, session("exec-root.json"));

    Outcome o = activity("", log).outcome("remote.exec", hardened);

    assertThat(o.violations().get(0).evidence().toString())
        .doesNotContain("sleep")
        .contains("sessions=1");
    assertThat(o.violations().get(0).message()).doesNotContain("sleep");
  }

  @Test
  void exec_healthProbe_isNotRecordedButTheSameShapeWithoutHealthcheckIs() {
    ActivityLog log = new ActivityLog(true);

    boolean probe = log.exec(Fixtures.container("hardened"), session("exec-probe.json"));
    boolean other = log.exec(Fixtures.container("running"), session("exec-probe.json"));

    assertThat(probe).isFalse();
    assertThat(other).isTrue();
  }

  @Test
  void exec_oneOffAudit_informs() {
    informs(Checks.standard().outcome("remote.exec", Fixtures.container("running")));
  }

  private static ExecSession session(String fixture) {
    JsonNode json = Fixtures.engineJson(fixture);
    return ExecSession.of(
        json.path("ID").asText(), Instant.parse("2026-12-04T11:00:00Z"), Optional.of(json));
  }
}
