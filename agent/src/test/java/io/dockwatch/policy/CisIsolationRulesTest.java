package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.informs;
import static io.dockwatch.policy.OutcomeAssert.passes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.docker.ContainerSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class CisIsolationRulesTest {
  private final Checks checks = Checks.standard();

  private static Checks onEngineWith(String securityOption) {
    return Checks.with(
        new FactsBuilder()
            .engine(
                Fixtures.engine(
                    info ->
                        ((ArrayNode) info.path("SecurityOptions")).add("name=" + securityOption)))
            .build(Checks.NOW));
  }

  private static ContainerSnapshot withProfile(String fixture, String profile) {
    return Fixtures.container(fixture, c -> c.put("AppArmorProfile", profile));
  }

  @Test
  void user_rootOrUnset_fails() {
    fails(checks.outcome("cis.4.1", Fixtures.container("running")), "");
    passes(checks.outcome("cis.4.1", Fixtures.container("hardened")));
  }

  @Test
  void privileged_createdContainer_isJudgedOnItsRequest() {
    fails(checks.outcome("cis.5.5", Fixtures.container("privileged")), "");
    passes(checks.outcome("cis.5.5", Fixtures.container("running")));
  }

  @Test
  void addedCaps_beyondTheDefaultSet_failInAnySpelling() {
    ContainerSnapshot caps = Fixtures.container("caps");

    List<Violation> v = fails(checks.outcome("cis.5.4", caps), "");
    assertThat(v.get(0).evidence().get("added_beyond_default"))
        .isEqualTo(List.of("NET_ADMIN", "SYS_ADMIN", "SYS_PTRACE"));
    fails(checks.outcome("cis.c.5.3.3", caps), "");
    fails(checks.outcome("cis.c.5.3.4", caps), "");
    passes(checks.outcome("cis.c.5.3.1", caps));
    passes(checks.outcome("cis.5.4", Fixtures.container("caps-default")));
  }

  @Test
  void addedCaps_all_isEveryDangerousCapability() {
    ContainerSnapshot all =
        Fixtures.container(
            "running", c -> ((ObjectNode) c.path("HostConfig")).putArray("CapAdd").add("ALL"));

    fails(checks.outcome("cis.c.5.3.2", all), "");
    fails(checks.outcome("cis.5.4", all), "");
  }

  @Test
  void namespaces_sharedWithTheHost_fail() {
    ContainerSnapshot shared = Fixtures.container("namespaces");

    for (String rule : List.of("cis.5.16", "cis.5.17", "cis.5.21", "cis.5.31")) {
      fails(checks.outcome(rule, shared), "");
      passes(checks.outcome(rule, Fixtures.container("running")));
    }
  }

  @Test
  void seccomp_unconfined_fails() {
    fails(checks.outcome("cis.5.22", Fixtures.container("seccomp")), "");
    passes(checks.outcome("cis.5.22", Fixtures.container("running")));
  }

  @Test
  void appArmor_engineWithoutAppArmor_onlyInforms() {
    informs(checks.outcome("cis.5.2", Fixtures.container("running")));
  }

  @Test
  void appArmor_onAnAppArmorHost_failsUnconfinedContainers() {
    Checks apparmor = onEngineWith("apparmor");

    passes(apparmor.outcome("cis.5.2", withProfile("running", "docker-default")));
    fails(apparmor.outcome("cis.5.2", withProfile("apparmor", "unconfined")), "");
    passes(apparmor.outcome("cis.5.2", Fixtures.container("created")));
    fails(apparmor.outcome("cis.5.2", Fixtures.container("privileged")), "");
  }

  @Test
  void appArmor_onAnSeLinuxHost_informsInsteadOfFailingEveryContainer() {
    Checks selinux = onEngineWith("selinux");

    informs(selinux.outcome("cis.5.2", Fixtures.container("running")));
  }

  @Test
  void seLinux_onAnSeLinuxHost_failsOnlyDisabledLabelling() {
    Checks selinux = onEngineWith("selinux");

    fails(selinux.outcome("cis.5.3", Fixtures.container("apparmor")), "");
    fails(selinux.outcome("cis.5.3", Fixtures.container("privileged")), "");
    passes(selinux.outcome("cis.5.3", Fixtures.container("running")));
  }

  @Test
  void seLinux_noNewPrivilegesAlone_doesNotMakeAnAppArmorHostPass() {
    informs(onEngineWith("apparmor").outcome("cis.5.3", Fixtures.container("hardened")));
  }

  @Test
  void noNewPrivileges_containerOptionFalse_failsEvenWhenTheDaemonSetsIt() {
    Checks daemonSets =
        Checks.with(
            new FactsBuilder().daemon(List.of("--no-new-privileges"), null).build(Checks.NOW));

    fails(daemonSets.outcome("cis.5.26", Fixtures.container("apparmor")), "");
    passes(daemonSets.outcome("cis.5.26", Fixtures.container("running")));
  }

  @Test
  void noNewPrivileges_neitherContainerNorDaemon_fails() {
    Checks unset = Checks.with(new FactsBuilder().daemon(List.of(), "{}").build(Checks.NOW));

    fails(unset.outcome("cis.5.26", Fixtures.container("running")), "");
    passes(unset.outcome("cis.5.26", Fixtures.container("hardened")));
    informs(checks.outcome("cis.5.26", Fixtures.container("running")));
  }
}
