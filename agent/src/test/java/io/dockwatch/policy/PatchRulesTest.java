package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.informs;
import static io.dockwatch.policy.OutcomeAssert.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.docker.ContainerSnapshot;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchRulesTest {
  @Test
  void compare_versions_byNumberNotText() {
    assertThat(PatchRules.EngineVersion.compare("1.13.1", "17.03")).isNegative();
    assertThat(PatchRules.EngineVersion.compare("20.10.24+dfsg1", "20.10.24")).isZero();
    assertThat(PatchRules.EngineVersion.compare("1.9.1", "1.10")).isNegative();
    assertThat(PatchRules.EngineVersion.compare("v26.1.4-ce", "26.1")).isPositive();
  }

  @Test
  void engineVersion_belowTheConfiguredMinimum_fails() {
    Checks floor23 =
        new Checks(
            Fixtures.policy("[rules.settings.\"patch.engine-version\"]\nminimum = \"23.0\"\n"),
            new FactsBuilder().build(Checks.NOW),
            Map.of());

    fails(floor23.hostOutcome("patch.engine-version"), "20.10.24+dfsg1");
    passes(Checks.standard().hostOutcome("patch.engine-version"));
  }

  @Test
  void imageAge_olderThanAllowed_fails() {
    ContainerSnapshot c = Fixtures.container("running");
    Checks old =
        Checks.with(
            new FactsBuilder()
                .image(c.imageId(), Checks.NOW.minus(Duration.ofDays(200)))
                .build(Checks.NOW));
    Checks fresh =
        Checks.with(
            new FactsBuilder()
                .image(c.imageId(), Checks.NOW.minus(Duration.ofDays(10)))
                .build(Checks.NOW));

    fails(old.outcome("patch.image-age", c), c.imageId());
    passes(fresh.outcome("patch.image-age", c));
    informs(Checks.standard().outcome("patch.image-age", c));
  }

  @Test
  void hostAge_upLongerThanAllowed_fails() {
    fails(
        Checks.with(
                new FactsBuilder().boot(Checks.NOW.minus(Duration.ofDays(100))).build(Checks.NOW))
            .hostOutcome("patch.host-age"),
        "");
    passes(
        Checks.with(new FactsBuilder().boot(Checks.NOW.minus(Duration.ofDays(5))).build(Checks.NOW))
            .hostOutcome("patch.host-age"));
    informs(Checks.standard().hostOutcome("patch.host-age"));
  }
}
