package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.informs;
import static io.dockwatch.policy.OutcomeAssert.passes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.hostfacts.EngineFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CisDaemonRulesTest {
  private static Outcome daemon(String rule, List<String> args, String json) {
    return Checks.with(new FactsBuilder().daemon(args, json).build(Checks.NOW)).hostOutcome(rule);
  }

  private static Checks engine(EngineFacts e) {
    return Checks.with(new FactsBuilder().engine(e).build(Checks.NOW));
  }

  @Test
  void icc_onByDefault_failsUntilTurnedOffByFlagOrFile() {
    fails(daemon("network.icc", List.of(), null), "");
    passes(daemon("network.icc", List.of(), "{\"icc\": false}"));
    passes(daemon("network.icc", List.of("--icc=false"), null));
    informs(Checks.standard().hostOutcome("network.icc"));
  }

  @Test
  void logLevel_unsetPassesAndOtherLevelsFail() {
    passes(daemon("cis.2.3", List.of(), null));
    fails(daemon("cis.2.3", List.of("-l", "debug"), null), "debug");
  }

  @Test
  void iptablesAndUserlandProxy_followTheirDefaults() {
    passes(daemon("cis.2.4", List.of(), null));
    fails(daemon("cis.2.4", List.of("--iptables=false"), null), "");
    fails(daemon("cis.2.16", List.of(), null), "");
    passes(daemon("cis.2.16", List.of(), "{\"userland-proxy\": false}"));
  }

  @Test
  void insecureRegistries_onlyConfiguredOnesFail() {
    passes(Checks.standard().hostOutcome("cis.2.5"));
    fails(
        engine(
                Fixtures.engine(
                    i ->
                        ((ObjectNode) i.path("RegistryConfig"))
                            .putArray("InsecureRegistryCIDRs")
                            .add("10.0.0.0/8")))
            .hostOutcome("cis.2.5"),
        "");
  }

  @Test
  void storageDriver_devicemapperOnlyFromBenchmark180_asItsNumber27() {
    EngineFacts dm = Fixtures.engine(i -> i.put("Driver", "devicemapper"));
    Checks v180 = engine(dm);
    Checks v160 =
        new Checks(
            Fixtures.policy("[rules]\ncis_benchmark = \"1.6.0\"\n"),
            new FactsBuilder().engine(dm).build(Checks.NOW),
            Map.of());

    assertThat(v180.onHost("cis.2.6").verdicts())
        .extracting(v -> v.rule().cis())
        .containsExactly("2.7");
    passes(v160.hostOutcome("cis.2.6"));
    fails(engine(Fixtures.engine(i -> i.put("Driver", "aufs"))).hostOutcome("cis.2.6"), "aufs");
    passes(Checks.standard().hostOutcome("cis.2.6"));
  }

  @Test
  void defaultUlimits_unsetOnlyInforms() {
    informs(daemon("cis.2.8", List.of(), null));
    passes(daemon("cis.2.8", List.of("--default-ulimit", "nofile=1024:2048"), null));
  }

  @Test
  void cgroupParent_setInTheFile_failsAsWellAsByFlag() {
    fails(daemon("cis.2.10", List.of(), "{\"cgroup-parent\": \"/custom\"}"), "");
    fails(daemon("cis.2.10", List.of("--cgroup-parent", "/custom"), null), "");
    passes(daemon("cis.2.10", List.of(), "{}"));
  }

  @Test
  void baseDeviceSize_changed_fails() {
    fails(daemon("cis.2.11", List.of("--storage-opt", "dm.basesize=20G"), null), "");
    passes(daemon("cis.2.11", List.of("--storage-opt", "overlay2.size=1G"), null));
  }

  @Test
  void noNewPrivileges_unsetFails() {
    fails(daemon("cis.2.14", List.of(), null), "");
    passes(daemon("cis.2.14", List.of(), "{\"no-new-privileges\": true}"));
  }

  @Test
  void liveRestore_offFailsUnlessTheNodeIsInASwarm() {
    fails(Checks.standard().hostOutcome("cis.2.15"), "");
    passes(engine(Fixtures.engine(i -> i.put("LiveRestoreEnabled", true))).hostOutcome("cis.2.15"));
    passes(
        engine(Fixtures.engine(i -> ((ObjectNode) i.path("Swarm")).put("LocalNodeState", "active")))
            .hostOutcome("cis.2.15"));
  }

  @Test
  void seccompExperimentalAndSwarm_areReadFromTheEngine() {
    passes(Checks.standard().hostOutcome("cis.2.17"));
    informs(engine(Fixtures.engine(i -> i.putArray("SecurityOptions"))).hostOutcome("cis.2.17"));
    passes(Checks.standard().hostOutcome("cis.2.18"));
    passes(Checks.standard().hostOutcome("cis.5.1"));
    fails(
        engine(Fixtures.engine(i -> ((ObjectNode) i.path("Swarm")).put("LocalNodeState", "active")))
            .hostOutcome("cis.5.1"),
        "active");
  }
}
