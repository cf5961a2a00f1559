package io.dockwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.findings.FindingState;
import io.dockwatch.findings.Ledger;
import io.dockwatch.findings.SubjectRef;
import io.dockwatch.findings.Transition;
import io.dockwatch.hostfacts.HostFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTest {
  private static final String WAIVE_PRIVILEGED =
      "[[exceptions]]\nrules = [\"cis.5.5\"]\nname = \"pol-privileged\"\n"
          + "reason = \"vendor appliance\"\nexpires = \"2026-12-31\"\n";

  private static List<Verdict> verdicts(
      Policy p, ContainerSnapshot c, Instant now, HostFacts facts) {
    return p.check(c, p.context(now, List.of(c), facts, Map.of()));
  }

  private static Verdict verdict(List<Verdict> all, String rule) {
    return all.stream().filter(v -> v.rule().id().equals(rule)).findFirst().orElseThrow();
  }

  @Test
  void check_exceptionCoveringTheContainer_waivesUntilItExpires() {
    Policy p = Fixtures.policy(WAIVE_PRIVILEGED);
    ContainerSnapshot c = Fixtures.container("privileged");
    HostFacts facts = new FactsBuilder().build(Checks.NOW);

    Verdict before =
        verdict(verdicts(p, c, Instant.parse("2026-12-31T23:00:00Z"), facts), "cis.5.5");
    Verdict after =
        verdict(verdicts(p, c, Instant.parse("2027-01-01T00:00:01Z"), facts), "cis.5.5");

    assertThat(before.waiver()).isPresent();
    assertThat(after.waiver()).isEmpty();
  }

  @Test
  void ledger_waivedFindingAfterExpiry_opensAgain() {
    Policy p = Fixtures.policy(WAIVE_PRIVILEGED);
    ContainerSnapshot c = Fixtures.container("privileged");
    HostFacts facts = new FactsBuilder().build(Checks.NOW);
    Ledger ledger = new Ledger("testhost");
    SubjectRef subject = new SubjectRef(c.id(), c.id(), c.name(), c.image(), Map.of(), "");
    Instant lastDay = Instant.parse("2026-12-31T12:00:00Z");
    Instant nextDay = lastDay.plus(Duration.ofDays(1));

    List<Transition> first = ledger.reconcile(subject, verdicts(p, c, lastDay, facts), lastDay);
    List<Transition> later = ledger.reconcile(subject, verdicts(p, c, nextDay, facts), nextDay);

    assertThat(first)
        .filteredOn(t -> t.finding().rule().id().equals("cis.5.5"))
        .extracting(t -> t.finding().state())
        .containsExactly(FindingState.WAIVED);
    assertThat(later)
        .extracting(t -> t.finding().rule().id() + " " + t.finding().state())
        .containsExactly("cis.5.5 OPEN");
  }

  @Test
  void checkHost_exceptionNamingTheHost_waivesHostFindings() {
    Policy p =
        Fixtures.policy(
            "[[exceptions]]\nrules = [\"engine.*\"]\nname = \"test*\"\nreason = \"lab\"\n");
    Policy imageOnly =
        Fixtures.policy(
            "[[exceptions]]\nrules = [\"engine.*\"]\nimage = \"x/*\"\nreason = \"lab\"\n");
    HostContext ctx =
        p.context(Checks.NOW, List.of(), new FactsBuilder().build(Checks.NOW), Map.of());

    assertThat(verdict(p.checkHost(ctx), "engine.userns").waiver()).isPresent();
    assertThat(verdict(imageOnly.checkHost(ctx), "engine.userns").waiver()).isEmpty();
  }

  @Test
  void check_infrastructureContainer_isNotJudgedNorCountedForTenancy() {
    Policy p =
        Fixtures.policy("[[infrastructure]]\nname = \"pol-log-*\"\nreason = \"log proxy\"\n");
    ContainerSnapshot proxy = Fixtures.container("log-fluentd");

    HostContext ctx = p.context(Checks.NOW, List.of(proxy, Fixtures.container("running")));

    assertThat(p.check(proxy, ctx)).isEmpty();
    assertThat(ctx.containers()).extracting(ContainerSnapshot::name).containsExactly("pol-running");
  }

  @Test
  void check_theAgentsOwnContainer_isNeverJudged() {
    Policy p = Fixtures.policy("");
    ContainerSnapshot self = Fixtures.container("docker-sock");
    HostFacts facts = new FactsBuilder().agent(self.id()).build(Checks.NOW);

    assertThat(verdicts(p, self, Checks.NOW, facts)).isEmpty();
    assertThat(verdicts(p, Fixtures.container("running"), Checks.NOW, facts)).isNotEmpty();
  }

  @Test
  void checkHost_cisNumbers_followTheConfiguredBenchmark() {
    HostFacts facts =
        new FactsBuilder().daemon(List.of("-H", "tcp://0.0.0.0:2375"), null).build(Checks.NOW);
    Policy newest = Fixtures.policy("");
    Policy v160 = Fixtures.policy("[rules]\ncis_benchmark = \"1.6.0\"\n");

    String cisNewest =
        verdict(
                newest.checkHost(newest.context(Checks.NOW, List.of(), facts, Map.of())),
                "remote.engine-tcp-plain")
            .rule()
            .cis();
    String cis160 =
        verdict(
                v160.checkHost(v160.context(Checks.NOW, List.of(), facts, Map.of())),
                "remote.engine-tcp-plain")
            .rule()
            .cis();

    assertThat(cisNewest).isEqualTo("2.8");
    assertThat(cis160).isEqualTo("2.7");
  }

  @Test
  void check_operatorSeverity_holdsEvenForViolationsThatWeighMore() {
    ContainerSnapshot c = Fixtures.container("hardened");
    ActivityLog log = new ActivityLog(true);
    log.exec(
        c, ExecSession.of("e1", Checks.NOW, Optional.of(Fixtures.engineJson("exec-root.json"))));
    Policy rerated = Fixtures.policy("[rules.severity]\n\"remote.exec\" = \"medium\"\n");
    Policy standard = Fixtures.policy("");

    Verdict mine =
        verdict(
            rerated.check(
                c,
                rerated.context(
                    Checks.NOW, List.of(c), new FactsBuilder().build(Checks.NOW), log.view())),
            "remote.exec");
    Verdict theirs =
        verdict(
            standard.check(
                c,
                standard.context(
                    Checks.NOW, List.of(c), new FactsBuilder().build(Checks.NOW), log.view())),
            "remote.exec");

    assertThat(mine.rule().severity()).isEqualTo(Severity.MEDIUM);
    assertThat(theirs.rule().severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void check_disabledRule_neverRuns() {
    Policy p = Fixtures.policy("[rules]\ndisabled = [\"cis.5.5\"]\n");

    assertThat(
            verdicts(
                p,
                Fixtures.container("privileged"),
                Checks.NOW,
                new FactsBuilder().build(Checks.NOW)))
        .extracting(v -> v.rule().id())
        .doesNotContain("cis.5.5")
        .contains("cis.4.1");
  }
}
