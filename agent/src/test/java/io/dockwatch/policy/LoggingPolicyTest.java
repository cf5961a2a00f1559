package io.dockwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.config.Config;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoggingPolicyTest {

  private static List<String> rules(Config config, ContainerSnapshot c) {
    Policy policy = new Policy(config);
    return policy.check(c, policy.context(Instant.EPOCH, List.of(c))).stream()
        .map(v -> v.rule().id())
        .filter(id -> id.startsWith("logging."))
        .toList();
  }

  @ParameterizedTest
  @CsvSource({
    "running-published, logging.driver",
    "created-syslog, logging.driver",
    "created-log-none, logging.driver"
  })
  void driver_notFluentd_isFlagged(String fixture, String rule) {
    Config config = Fixtures.config("");

    assertThat(rules(config, Fixtures.inspect(fixture))).containsExactly(rule);
  }

  @Test
  void driver_fluentdToTheProxy_hasNoFinding() {
    Config config =
        Fixtures.config(
            """
            [rules.logging]
            fluentd_address = "127.0.0.1:24224"
            """);

    assertThat(rules(config, Fixtures.inspect("created-fluentd"))).isEmpty();
  }

  @Test
  void address_fluentdToAnotherProxy_isFlagged() {
    Config config =
        Fixtures.config(
            """
            [rules.logging]
            fluentd_address = "10.1.2.3:24224"
            """);

    assertThat(rules(config, Fixtures.inspect("created-fluentd")))
        .containsExactly("logging.address");
  }

  @Test
  void address_spellingsOfOneEndpoint_compareEqual() {
    assertThat(LoggingRules.Address.normalise("tcp://localhost:24224"))
        .isEqualTo(LoggingRules.Address.normalise(""))
        .isEqualTo(LoggingRules.Address.normalise("127.0.0.1"));
  }
}
