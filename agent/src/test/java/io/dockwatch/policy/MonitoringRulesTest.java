package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.informs;
import static io.dockwatch.policy.OutcomeAssert.passes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.docker.ContainerSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitoringRulesTest {
  private final Checks checks = Checks.standard();

  private static Checks withStarts(ContainerSnapshot c, Duration... ago) {
    List<Instant> starts = new ArrayList<>();
    for (Duration d : ago) {
      starts.add(Checks.NOW.minus(d));
    }
    ContainerActivity a =
        new ContainerActivity(Optional.empty(), Instant.EPOCH, true, List.of(), starts);
    return new Checks(Fixtures.policy(""), new FactsBuilder().build(Checks.NOW), Map.of(c.id(), a));
  }

  @Test
  void noHealthcheck_withoutOne_fails() {
    fails(checks.outcome("monitoring.no-healthcheck", Fixtures.container("running")), "");
    passes(checks.outcome("monitoring.no-healthcheck", Fixtures.container("hardened")));
  }

  @Test
  void unhealthy_onlyAnUnhealthyStatus_fails() {
    ContainerSnapshot sick =
        Fixtures.container(
            "hardened",
            c -> ((ObjectNode) c.path("State").path("Health")).put("Status", "unhealthy"));

    fails(checks.outcome("monitoring.unhealthy", sick), "");
    passes(checks.outcome("monitoring.unhealthy", Fixtures.container("hardened")));
    informs(checks.outcome("monitoring.unhealthy", Fixtures.container("running")));
  }

  @Test
  void oomKilled_lastExitForMemory_fails() {
    ContainerSnapshot killed =
        Fixtures.container("hardened", c -> ((ObjectNode) c.path("State")).put("OOMKilled", true));

    fails(checks.outcome("monitoring.oom-killed", killed), "");
    passes(checks.outcome("monitoring.oom-killed", Fixtures.container("hardened")));
  }

  @Test
  void restartLoop_moreRestartsThanAllowedWithinTheWindow_fails() {
    ContainerSnapshot c = Fixtures.container("restart-always");
    Duration[] sevenStarts = {
      Duration.ofMinutes(50),
      Duration.ofMinutes(40),
      Duration.ofMinutes(30),
      Duration.ofMinutes(20),
      Duration.ofMinutes(10),
      Duration.ofMinutes(5),
      Duration.ofMinutes(1)
    };

    fails(withStarts(c, sevenStarts).outcome("monitoring.restart-loop", c), "");
  }

  @Test
  void restartLoop_startsOutsideTheWindow_doNotCount() {
    ContainerSnapshot c = Fixtures.container("restart-always");

    passes(
        withStarts(
                c,
                Duration.ofHours(5),
                Duration.ofHours(4),
                Duration.ofHours(3),
                Duration.ofHours(2),
                Duration.ofMinutes(90),
                Duration.ofMinutes(30),
                Duration.ofMinutes(1))
            .outcome("monitoring.restart-loop", c));
  }
}
