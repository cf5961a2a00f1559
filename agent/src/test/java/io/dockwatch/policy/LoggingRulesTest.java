package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.informs;
import static io.dockwatch.policy.OutcomeAssert.passes;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingRulesTest {
  private final Checks checks = Checks.standard();

  private static Checks withDefaultDriver(String driver) {
    return Checks.with(
        new FactsBuilder()
            .engine(Fixtures.engine(i -> i.put("LoggingDriver", driver)))
            .build(Checks.NOW));
  }

  @Test
  void driver_everyDriverButFluentd_fails() {
    for (String fixture :
        new String[] {"running", "log-none", "log-local", "log-syslog", "log-journald"}) {
      fails(
          checks.outcome("logging.driver", Fixtures.container(fixture)),
          Fixtures.container(fixture).logDriver());
    }
    passes(checks.outcome("logging.driver", Fixtures.container("log-fluentd")));
  }

  @Test
  void address_fluentdToAnotherProxy_fails() {
    Checks proxy =
        new Checks(
            Fixtures.policy("[rules.logging]\nfluentd_address = \"10.0.0.1:24224\"\n"),
            new FactsBuilder().build(Checks.NOW),
            Map.of());
    Checks local =
        new Checks(
            Fixtures.policy("[rules.logging]\nfluentd_address = \"127.0.0.1:24224\"\n"),
            new FactsBuilder().build(Checks.NOW),
            Map.of());

    fails(
        proxy.outcome("logging.address", Fixtures.container("log-fluentd")),
        "tcp://127.0.0.1:24224");
    passes(local.outcome("logging.address", Fixtures.container("log-fluentd")));
    informs(local.outcome("logging.address", Fixtures.container("running")));
  }

  @Test
  void daemonDefault_noneAndLocal_failAlthoughDockerBenchPassesThem() {
    fails(withDefaultDriver("none").hostOutcome("logging.daemon-default"), "none");
    fails(withDefaultDriver("local").hostOutcome("logging.daemon-default"), "local");
    fails(checks.hostOutcome("logging.daemon-default"), "json-file");
    passes(withDefaultDriver("fluentd").hostOutcome("logging.daemon-default"));
  }
}
