package io.dockwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.config.Config;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPolicyTest {
  private static final Config CONFIG =
      Fixtures.config(
          """
          [rules.ports]
          allowed = ["443/tcp", "8443/tcp"]
          allowed_addresses = ["127.0.0.1"]
          """);

  private static List<Verdict> verdicts(ContainerSnapshot c, String rule) {
    Policy policy = new Policy(CONFIG);
    HostContext ctx = policy.context(Instant.EPOCH, List.of(c));
    return policy.check(c, ctx).stream().filter(v -> v.rule().id().equals(rule)).toList();
  }

  private static List<String> details(ContainerSnapshot c, String rule) {
    return verdicts(c, rule).stream().map(v -> v.violation().detail()).toList();
  }

  @Test
  void portNotAllowed_runningContainer_flagsOnlyTheUnlistedPort() {
    ContainerSnapshot c = Fixtures.inspect("running-published");

    assertThat(details(c, "network.port-not-allowed")).containsExactly("8080/tcp");
  }

  @Test
  void bindAll_ipv4AndIpv6Wildcards_areOneFindingWithBothAddresses() {
    ContainerSnapshot c = Fixtures.inspect("running-published");

    List<Verdict> v = verdicts(c, "network.bind-all-interfaces");

    assertThat(v).extracting(x -> x.violation().detail()).contains("8080/tcp");
    Verdict wildcard =
        v.stream().filter(x -> x.violation().detail().equals("8080/tcp")).findFirst().orElseThrow();
    assertThat(wildcard.violation().evidence().get("bindings").toString())
        .contains("0.0.0.0:8080")
        .contains("[::]:8080");
  }

  @Test
  void bindAll_specificAddressOutsideAllowedList_isReportedApart() {
    ContainerSnapshot c = Fixtures.inspect("running-published");

    assertThat(details(c, "network.bind-all-interfaces")).contains("8443/tcp@address");
    assertThat(details(c, "network.bind-all-interfaces")).doesNotContain("443/tcp@address");
  }

  @Test
  void bindAll_createdContainerWithEmptyAndIpv6WildcardHostIp_countsBothAsWildcards() {
    ContainerSnapshot c = Fixtures.inspect("created-requested");

    assertThat(details(c, "network.bind-all-interfaces"))
        .containsExactlyInAnyOrder("8080/tcp", "9090/tcp", "9091/tcp");
  }

  @Test
  void publishAll_dashP_isFlaggedWithTheRealPorts() {
    ContainerSnapshot c = Fixtures.inspect("running-publish-all");

    List<Verdict> v = verdicts(c, "network.publish-all");

    assertThat(v).hasSize(1);
    assertThat(v.get(0).violation().evidence().get("NetworkSettings.Ports").toString())
        .contains("32768");
    assertThat(details(c, "network.port-not-allowed")).contains("32768/tcp", "32768/udp");
  }

  @Test
  void hostMode_hostNetwork_isFlagged_andBridgeIsNot() {
    assertThat(verdicts(Fixtures.inspect("running-host-network"), "network.host-mode")).hasSize(1);
    assertThat(verdicts(Fixtures.inspect("running-published"), "network.host-mode")).isEmpty();
  }

  @Test
  void portNotAllowed_compliantContainer_hasNoFinding() {
    ContainerSnapshot c =
        Fixtures.inspect(
            "running-published",
            n -> {
              var ports = n.withObjectProperty("NetworkSettings").putObject("Ports");
              ports
                  .putArray("443/tcp")
                  .addObject()
                  .put("HostIp", "127.0.0.1")
                  .put("HostPort", "443");
            });

    assertThat(details(c, "network.port-not-allowed")).isEmpty();
    assertThat(details(c, "network.bind-all-interfaces")).isEmpty();
  }

  @Test
  void rangePublish_thousandPorts_isAtMostSixteenFindingsPerRule_withBoundedEvidence() {
    ContainerSnapshot c =
        Fixtures.inspect(
            "created-requested",
            n -> {
              var ports = n.withObjectProperty("HostConfig").putObject("PortBindings");
              for (int p = 20000; p < 21000; p++) {
                ports.putArray(p + "/tcp").addObject().put("HostIp", "").put("HostPort", "" + p);
              }
            });

    List<Verdict> notAllowed = verdicts(c, "network.port-not-allowed");
    List<Verdict> wildcard = verdicts(c, "network.bind-all-interfaces");

    assertThat(notAllowed).hasSize(16);
    assertThat(wildcard).hasSize(16);
    Verdict folded = notAllowed.get(15);
    assertThat(folded.violation().detail()).isEqualTo("more");
    assertThat(folded.violation().evidence()).containsEntry("more_ports", 985);
    assertThat((List<?>) folded.violation().evidence().get("ports")).hasSize(32);
  }
}
