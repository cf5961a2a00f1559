package io.dockwatch.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.config.Selector;
import io.dockwatch.config.Waiver;
import io.dockwatch.findings.Transition.Kind;
import io.dockwatch.policy.RuleCatalog;
import io.dockwatch.policy.Verdict;
import io.dockwatch.policy.Violation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static final SubjectRef C1 = new SubjectRef("c1", "c1", "web", "img", Map.of(), "");

  private static Verdict verdict(String rule, String detail) {
    return new Verdict(
        RuleCatalog.standard().get(rule), Violation.of(detail, "m " + detail), Optional.empty());
  }

  private static Verdict waived(String rule, String detail) {
    Waiver w =
        new Waiver(List.of(rule), new Selector("web", null, Map.of(), "ok"), Optional.empty());
    return new Verdict(RuleCatalog.standard().get(rule), Violation.of(detail, "m"), Optional.of(w));
  }

  private static List<Kind> kinds(List<Transition> ts) {
    return ts.stream().map(Transition::kind).toList();
  }

  @Test
  void reconcile_sameViolationTwice_opensOnce() {
    Ledger ledger = new Ledger("h1");

    List<Transition> first =
        ledger.reconcile(C1, List.of(verdict("logging.driver", "json-file")), T0);
    List<Transition> second =
        ledger.reconcile(C1, List.of(verdict("logging.driver", "json-file")), T0.plusSeconds(5));

    assertThat(kinds(first)).containsExactly(Kind.OPENED);
    assertThat(second).isEmpty();
  }

  @Test
  void reconcile_causeGone_resolvesAsFixedWithTheSameFingerprint() {
    Ledger ledger = new Ledger("h1");
    Transition opened =
        ledger.reconcile(C1, List.of(verdict("logging.driver", "json-file")), T0).get(0);

    List<Transition> after = ledger.reconcile(C1, List.of(), T0.plusSeconds(1));

    assertThat(kinds(after)).containsExactly(Kind.RESOLVED);
    assertThat(after.get(0).resolution()).isEqualTo("fixed");
    assertThat(after.get(0).finding().fingerprint()).isEqualTo(opened.finding().fingerprint());
    assertThat(after.get(0).finding().state()).isEqualTo(FindingState.RESOLVED);
    assertThat(ledger.findings()).isEmpty();
  }

  @Test
  void remove_containerGone_resolvesEveryFindingAsRemoved() {
    Ledger ledger = new Ledger("h1");
    ledger.reconcile(
        C1, List.of(verdict("logging.driver", "x"), verdict("network.host-mode", "")), T0);

    List<Transition> gone = ledger.remove("c1", T0.plusSeconds(1));

    assertThat(gone).hasSize(2).allMatch(t -> t.resolution().equals("removed"));
  }

  @Test
  void restate_afterTheInterval_statesOpenFindingsAgainOnce() {
    Ledger ledger = new Ledger("h1");
    ledger.reconcile(C1, List.of(verdict("logging.driver", "x")), T0);

    List<Transition> early = ledger.restate(T0.plusSeconds(59), Duration.ofMinutes(1));
    List<Transition> due = ledger.restate(T0.plusSeconds(60), Duration.ofMinutes(1));
    List<Transition> again = ledger.restate(T0.plusSeconds(61), Duration.ofMinutes(1));

    assertThat(early).isEmpty();
    assertThat(kinds(due)).containsExactly(Kind.RESTATED);
    assertThat(due.get(0).finding().firstSeen()).isEqualTo(T0);
    assertThat(again).isEmpty();
  }

  @Test
  void reconcile_waiverExpires_reopensTheWaivedFinding() {
    Ledger ledger = new Ledger("h1");

    List<Transition> w = ledger.reconcile(C1, List.of(waived("logging.driver", "x")), T0);
    List<Transition> o =
        ledger.reconcile(C1, List.of(verdict("logging.driver", "x")), T0.plusSeconds(1));

    assertThat(kinds(w)).containsExactly(Kind.WAIVED);
    assertThat(w.get(0).finding().state()).isEqualTo(FindingState.WAIVED);
    assertThat(kinds(o)).containsExactly(Kind.OPENED);
    assertThat(o.get(0).finding().fingerprint()).isEqualTo(w.get(0).finding().fingerprint());
  }

  @Test
  void fingerprint_differentHostOrDetail_differs() {
    Ledger a = new Ledger("h1");
    Ledger b = new Ledger("h2");

    String fa =
        a.reconcile(C1, List.of(verdict("logging.driver", "x")), T0).get(0).finding().fingerprint();
    String fb =
        b.reconcile(C1, List.of(verdict("logging.driver", "x")), T0).get(0).finding().fingerprint();
    String fc =
        a.reconcile(C1, List.of(verdict("logging.driver", "y")), T0).get(0).finding().fingerprint();

    assertThat(fa).isNotEqualTo(fb).isNotEqualTo(fc).hasSize(32);
  }

  @Test
  void store_restartWithTheSameViolation_doesNotOpenAgain(@TempDir Path dir) throws Exception {
    Ledger before = new Ledger("h1");
    before.reconcile(C1, List.of(verdict("logging.driver", "x")), T0);
    new LedgerStore(dir).save(before.findings());

    Ledger after = new Ledger("h1");
    after.restore(new LedgerStore(dir).load(RuleCatalog.standard()));
    List<Transition> again =
        after.reconcile(C1, List.of(verdict("logging.driver", "x")), T0.plusSeconds(60));

    assertThat(again).isEmpty();
    assertThat(after.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.firstSeen()).isEqualTo(T0));
  }

  @Test
  void store_corruptFile_loadsAsEmpty(@TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("findings.json"), "[{\"rule\": ");

    assertThat(new LedgerStore(dir).load(RuleCatalog.standard())).isEmpty();
  }
}
