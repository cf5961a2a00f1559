package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.passes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.docker.ContainerSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkRulesTest {
  private final Checks checks = Checks.standard();

  private static ContainerSnapshot createdWithHostPort(String port) {
    return Fixtures.container(
        "ports-created",
        c -> {
          ObjectNode bindings = ((ObjectNode) c.path("HostConfig")).putObject("PortBindings");
          bindings.putArray("80/tcp").addObject().put("HostIp", "10.0.0.5").put("HostPort", port);
        });
  }

  @Test
  void privilegedPort_hostPortBelow1024_fails() {
    fails(checks.outcome("network.privileged-port", Fixtures.container("ports")), "990/tcp");
  }

  @Test
  void privilegedPort_port1024_passesAlthoughDockerBenchFlagsIt() {
    passes(checks.outcome("network.privileged-port", createdWithHostPort("1024")));
    fails(checks.outcome("network.privileged-port", createdWithHostPort("1023")), "1023/tcp");
  }

  @Test
  void bindAll_ipv4AndIpv6Wildcards_areOneFindingWithBothAddresses() {
    List<Violation> v =
        fails(
            checks.outcome("network.bind-all-interfaces", Fixtures.container("ports")),
            "18080/tcp");

    assertThat(v.get(0).evidence().get("bindings"))
        .isEqualTo(List.of("0.0.0.0:18080->80/tcp", "[::]:18080->80/tcp"));
  }

  @Test
  void bindAll_createdContainerWithEmptyHostIp_isAWildcard() {
    fails(
        checks.outcome("network.bind-all-interfaces", Fixtures.container("ports-created")),
        "18080/tcp");
  }

  @Test
  void publishAll_dashP_failsWithTheReallyBoundPorts() {
    List<Violation> v =
        fails(checks.outcome("network.publish-all", Fixtures.container("publish-all")), "");

    assertThat(v.get(0).evidence().get("NetworkSettings.Ports").toString())
        .contains("32769", "32770");
  }

  @Test
  void portNotAllowed_onlyTheUnlistedPorts_fail() {
    Checks allowing =
        new Checks(
            Fixtures.policy("[rules.ports]\nallowed = [\"18443/tcp\"]\n"),
            new FactsBuilder().build(Checks.NOW),
            Map.of());

    fails(
        allowing.outcome("network.port-not-allowed", Fixtures.container("ports")),
        "18080/tcp",
        "990/tcp");
    passes(allowing.outcome("network.port-not-allowed", Fixtures.container("running")));
  }

  @Test
  void hostMode_hostNetwork_fails() {
    fails(checks.outcome("network.host-mode", Fixtures.container("hostnet")), "");
    passes(checks.outcome("network.host-mode", Fixtures.container("running")));
  }

  @Test
  void defaultBridge_onlyContainersOnTheDefaultBridge_fail() {
    fails(checks.outcome("network.default-bridge", Fixtures.container("running")), "");
    fails(checks.outcome("network.default-bridge", Fixtures.container("created")), "");
    passes(checks.outcome("network.default-bridge", Fixtures.container("hardened")));
    passes(checks.outcome("network.default-bridge", Fixtures.container("hostnet")));
  }
}
