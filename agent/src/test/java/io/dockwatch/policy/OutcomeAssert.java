package io.dockwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Short assertions on outcomes, so that rule tests read as the verdict table they check. */
final class OutcomeAssert {
  private OutcomeAssert() {}

  static void passes(Outcome o) {
    assertThat(o).as("%s", o).isInstanceOf(Outcome.Pass.class);
  }

  static void informs(Outcome o) {
    assertThat(o).as("%s", o).isInstanceOf(Outcome.Info.class);
  }

  /** Fails, with violations of exactly these details. */
  static List<Violation> fails(Outcome o, String... details) {
    assertThat(o).as("%s", o).isInstanceOf(Outcome.Fail.class);
    assertThat(o.violations()).extracting(Violation::detail).containsExactly(details);
    return o.violations();
  }
}
