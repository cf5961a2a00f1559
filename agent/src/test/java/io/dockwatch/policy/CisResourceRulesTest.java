package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.informs;
import static io.dockwatch.policy.OutcomeAssert.passes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CisResourceRulesTest {
  private final Checks checks = Checks.standard();

  @Test
  void memory_unlimited_fails() {
    fails(checks.outcome("cis.5.11", Fixtures.container("running")), "");
    passes(checks.outcome("cis.5.11", Fixtures.container("hardened")));
  }

  @Test
  void cpu_sharesCpusOrQuota_pass() {
    fails(checks.outcome("cis.5.12", Fixtures.container("running")), "");
    passes(checks.outcome("cis.5.12", Fixtures.container("hardened")));
    passes(
        checks.outcome(
            "cis.5.12",
            Fixtures.container(
                "running", c -> ((ObjectNode) c.path("HostConfig")).put("CpuQuota", 50000))));
  }

  @Test
  void restart_alwaysAndUnboundedPolicies_failAlthoughTheirCountIsZero() {
    fails(checks.outcome("cis.5.15", Fixtures.container("restart-always")), "always");
    fails(
        checks.outcome(
            "cis.5.15",
            Fixtures.container(
                "restart-onfailure",
                c ->
                    ((ObjectNode) c.path("HostConfig").path("RestartPolicy"))
                        .put("MaximumRetryCount", 0))),
        "on-failure");
  }

  @Test
  void restart_onFailureCount_isComparedWithTheLimit() {
    fails(checks.outcome("cis.5.15", Fixtures.container("restart-onfailure")), "on-failure");
    passes(checks.outcome("cis.5.15", Fixtures.container("hardened")));
    passes(checks.outcome("cis.5.15", Fixtures.container("running")));
  }

  @Test
  void pidsLimit_unsetZeroOrMinusOne_fails() {
    fails(checks.outcome("cis.5.29", Fixtures.container("running")), "");
    fails(
        checks.outcome(
            "cis.5.29",
            Fixtures.container(
                "hardened", c -> ((ObjectNode) c.path("HostConfig")).put("PidsLimit", -1))),
        "");
    passes(checks.outcome("cis.5.29", Fixtures.container("hardened")));
  }

  @Test
  void devicesAndUlimits_onlyInform() {
    informs(checks.outcome("cis.5.18", Fixtures.container("devices")));
    passes(checks.outcome("cis.5.18", Fixtures.container("running")));
    informs(checks.outcome("cis.5.19", Fixtures.container("running")));
    passes(checks.outcome("cis.5.19", Fixtures.container("hardened")));
  }

  @Test
  void cgroupParent_custom_fails() {
    fails(checks.outcome("cis.5.25", Fixtures.container("devices")), "");
    passes(checks.outcome("cis.5.25", Fixtures.container("running")));
  }
}
