package io.dockwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.config.Config;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenancyRulesTest {
  private static final String LABELS =
      """
      [tenancy.labels]
      environment = "env"
      system = "sys"
      customer = "cust"
      """;

  private static List<String> rules(
      Config config, ContainerSnapshot c, List<ContainerSnapshot> all) {
    Policy policy = new Policy(config);
    return policy.check(c, policy.context(Instant.EPOCH, all)).stream()
        .map(v -> v.rule().id())
        .filter(id -> id.startsWith("tenancy."))
        .toList();
  }

  private static ContainerSnapshot tenant(String id, String created, String env) {
    return Fixtures.container(id, created, Map.of("env", env, "sys", "shop", "cust", "acme"));
  }

  @Test
  void mixed_newcomerOfAnotherEnvironment_isTheOffender_notTheIncumbent() {
    ContainerSnapshot prod = tenant("a", "2026-01-01T00:00:00Z", "prod");
    ContainerSnapshot dev = tenant("b", "2026-02-01T00:00:00Z", "dev");
    List<ContainerSnapshot> all = List.of(dev, prod);

    assertThat(rules(Fixtures.config(LABELS), dev, all)).containsExactly("tenancy.mixed");
    assertThat(rules(Fixtures.config(LABELS), prod, all)).isEmpty();
  }

  @Test
  void mixed_pinnedTenant_judgesTheOldestContainerToo() {
    Config pinned =
        Fixtures.config(
            LABELS
                + """
                [tenancy.expected]
                environment = "dev"
                system = "shop"
                customer = "acme"
                """);
    ContainerSnapshot prod = tenant("a", "2026-01-01T00:00:00Z", "prod");
    ContainerSnapshot dev = tenant("b", "2026-02-01T00:00:00Z", "dev");

    assertThat(rules(pinned, prod, List.of(prod, dev))).containsExactly("tenancy.mixed");
    assertThat(rules(pinned, dev, List.of(prod, dev))).isEmpty();
  }

  @Test
  void unlabelled_missingCustomer_isFlaggedAndNotMixed() {
    ContainerSnapshot prod = tenant("a", "2026-01-01T00:00:00Z", "prod");
    ContainerSnapshot bare =
        Fixtures.container("b", "2026-02-01T00:00:00Z", Map.of("env", "dev", "sys", "shop"));

    assertThat(rules(Fixtures.config(LABELS), bare, List.of(prod, bare)))
        .containsExactly("tenancy.unlabelled");
  }

  @Test
  void unlabelled_composeProject_standsInForTheSystemLabel() {
    ContainerSnapshot c =
        Fixtures.container(
            "a",
            "2026-01-01T00:00:00Z",
            Map.of("env", "prod", "cust", "acme", "com.docker.compose.project", "shop"));

    assertThat(rules(Fixtures.config(LABELS), c, List.of(c))).isEmpty();
  }

  @Test
  void mixed_infrastructureContainer_isNeitherJudgedNorTheIncumbent() {
    Config config =
        Fixtures.config(
            LABELS
                + """
                [[infrastructure]]
                name = "log-proxy"
                reason = "fluentd proxy on every host"
                """);
    ContainerSnapshot proxy =
        Fixtures.container(
            "log-proxy", "2025-01-01T00:00:00Z", Map.of("env", "infra", "sys", "x", "cust", "y"));
    ContainerSnapshot prod = tenant("a", "2026-01-01T00:00:00Z", "prod");
    List<ContainerSnapshot> all = List.of(proxy, prod);

    assertThat(rules(config, prod, all)).isEmpty();
    assertThat(rules(config, proxy, all)).isEmpty();
  }
}
