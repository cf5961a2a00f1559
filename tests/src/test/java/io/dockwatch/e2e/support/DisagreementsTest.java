package io.dockwatch.e2e.support;

import static io.dockwatch.e2e.support.Verdict.FAIL;
import static io.dockwatch.e2e.support.Verdict.INFO;
import static io.dockwatch.e2e.support.Verdict.PASS;
import static io.dockwatch.e2e.support.Verdict.fail;
import static io.dockwatch.e2e.support.Verdict.failTimes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisagreementsTest {
  private static final String REPORT =
      """
      {"checks": [
        {"rule": "cis.5.5", "status": "pass", "subject_name": "c1"},
        {"rule": "cis.5.19", "status": "info", "subject_name": "c1"},
        {"rule": "network.port-not-allowed", "status": "fail", "subject_name": "c1",
         "detail": "8080/tcp"},
        {"rule": "network.port-not-allowed", "status": "fail", "subject_name": "c1",
         "detail": "990/tcp"},
        {"rule": "cis.5.26", "status": "waived", "subject_name": "c1"}
      ]}
      """;

  private static Map<String, Map<String, Verdict>> table(Map<String, Verdict> c1) {
    return Map.of("c1", new LinkedHashMap<>(c1));
  }

  private static ForwardEntry finding(String name, String rule, String state, String print) {
    return new ForwardEntry(
        OpenFindings.TAG,
        Instant.EPOCH,
        Map.of(
            "rule", rule,
            "state", state,
            "subject", "container",
            "container_name", name,
            "fingerprint", print));
  }

  @Test
  void withAudit_sameVerdicts_agree() {
    Map<String, Verdict> c1 =
        Map.of(
            "cis.5.5", PASS,
            "cis.5.19", INFO,
            "network.port-not-allowed", fail("990/tcp", "8080/tcp"),
            "cis.5.26", FAIL);

    List<String> out = Disagreements.withAudit(table(c1), AuditVerdicts.parse(REPORT), true);

    assertThat(out).isEmpty();
  }

  @Test
  void withAudit_otherDetailsCountOrStatus_disagree() {
    Map<String, Verdict> c1 =
        Map.of(
            "cis.5.5",
            FAIL,
            "cis.5.19",
            PASS,
            "network.port-not-allowed",
            fail("8080/tcp", "991/tcp"),
            "cis.5.26",
            failTimes(2));

    List<String> out = Disagreements.withAudit(table(c1), AuditVerdicts.parse(REPORT), true);

    assertThat(out)
        .containsExactlyInAnyOrder(
            "c1 cis.5.5: fail expected; the audit says pass",
            "c1 cis.5.19: pass expected; the audit says info",
            "c1 network.port-not-allowed: fail[8080/tcp, 991/tcp] expected;"
                + " the audit says fail[8080/tcp, 990/tcp]",
            "c1 cis.5.26: fail x2 expected; the audit says fail");
  }

  @Test
  void withAudit_ruleMissingFromTheTable_disagreesOnlyWhenEveryRuleIsAsked() {
    Map<String, Verdict> c1 = Map.of("cis.5.5", PASS);

    List<String> every = Disagreements.withAudit(table(c1), AuditVerdicts.parse(REPORT), true);
    List<String> some = Disagreements.withAudit(table(c1), AuditVerdicts.parse(REPORT), false);

    assertThat(every).hasSize(3).allMatch(line -> line.contains("not in the table"));
    assertThat(some).isEmpty();
  }

  @Test
  void withDaemon_countsTheLastStateOfEachFingerprint() {
    OpenFindings open =
        OpenFindings.of(
            List.of(
                finding("c1", "cis.5.5", "open", "a"),
                finding("c1", "network.port-not-allowed", "open", "b"),
                finding("c1", "network.port-not-allowed", "open", "c"),
                finding("c1", "cis.5.5", "resolved", "a")));

    List<String> agree =
        Disagreements.withDaemon(
            table(Map.of("cis.5.5", PASS, "network.port-not-allowed", failTimes(2))), open);
    List<String> differ =
        Disagreements.withDaemon(
            table(Map.of("cis.5.5", FAIL, "network.port-not-allowed", fail("8080/tcp"))), open);

    assertThat(agree).isEmpty();
    assertThat(differ)
        .containsExactlyInAnyOrder(
            "c1 cis.5.5: fail expected, so 1 open; the agent holds 0 open",
            "c1 network.port-not-allowed: fail[8080/tcp] expected, so 1 open;"
                + " the agent holds 2 open");
  }
}
