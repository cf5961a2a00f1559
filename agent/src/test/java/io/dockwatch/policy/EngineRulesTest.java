package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.informs;
import static io.dockwatch.policy.OutcomeAssert.passes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class EngineRulesTest {
  private static Checks withOption(String option) {
    return Checks.with(
        new FactsBuilder()
            .engine(Fixtures.engine(i -> ((ArrayNode) i.path("SecurityOptions")).add(option)))
            .build(Checks.NOW));
  }

  @Test
  void userns_offOnTheTestEngine_fails() {
    fails(Checks.standard().hostOutcome("engine.userns"), "");
    passes(withOption("name=userns").hostOutcome("engine.userns"));
    passes(withOption("name=rootless").hostOutcome("engine.userns"));
  }

  @Test
  void lsm_neitherAppArmorNorSeLinux_fails() {
    fails(Checks.standard().hostOutcome("engine.lsm"), "");
    passes(withOption("name=apparmor").hostOutcome("engine.lsm"));
    passes(withOption("name=selinux").hostOutcome("engine.lsm"));
  }

  @Test
  void authz_noPlugin_fails() {
    Checks opa =
        Checks.with(
            new FactsBuilder()
                .engine(
                    Fixtures.engine(
                        i -> ((ObjectNode) i.path("Plugins")).putArray("Authorization").add("opa")))
                .build(Checks.NOW));

    fails(Checks.standard().hostOutcome("engine.authz"), "");
    passes(opa.hostOutcome("engine.authz"));
  }

  @Test
  void engineRules_engineUnknown_inform() {
    Checks unknown = Checks.with(new FactsBuilder().noEngine().build(Checks.NOW));

    informs(unknown.hostOutcome("engine.userns"));
    informs(unknown.hostOutcome("logging.daemon-default"));
  }
}
