package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a metric alone would not say: no healthcheck, unhealthy, restarting, killed for memory. */
final class MonitoringRules {
  private MonitoringRules() {}

  static List<ContainerRule> all(RuleSettings settings) {
    return List.of(
        new NoHealthcheck(), new Unhealthy(), new RestartLoop(settings), new OomKilled());
  }

  /**
   * No healthcheck in the container or its image (the container's configuration carries the
   * image's). Decided from the configuration, not from {@code State.Health} as
   * docker-bench-security does, so that a created container is judged too.
   */
  static final class NoHealthcheck implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("monitoring.no-healthcheck");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      if (c.healthcheckConfigured()) {
        return Outcome.pass("Config.Healthcheck", "set", "State.Health.Status", c.health());
      }
      return Outcome.fail(
          Violation.of(
              "", "Container " + c.name() + " has no healthcheck", "Config.Healthcheck", "none"));
    }
  }

  static final class Unhealthy implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("monitoring.unhealthy");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      if (c.health().isEmpty()) {
        return Outcome.info("no health status", "State.Status", c.status());
      }
      if (!"unhealthy".equals(c.health())) {
        return Outcome.pass("State.Health.Status", c.health());
      }
      return Outcome.fail(
          Violation.of(
              "", "Container " + c.name() + " is unhealthy", "State.Health.Status", c.health()));
    }
  }

  /**
   * More than {@code max_restarts} restarts within {@code window_minutes}, counted from the start
   * times the agent saw; a container that has not restarted since the agent started cannot fail.
   */
  static final class RestartLoop implements ContainerRule {
    static final String ID = "monitoring.restart-loop";
    private final long maxRestarts;
    private final Duration window;

    RestartLoop(RuleSettings settings) {
      this.maxRestarts = settings.number(ID, "max_restarts");
      Duration configured = Duration.ofMinutes(settings.number(ID, "window_minutes"));
      this.window =
          configured.compareTo(ActivityLog.START_HISTORY) > 0
              ? ActivityLog.START_HISTORY
              : configured;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(ID);
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      Instant since = host.now().minus(window);
      long starts =
          host.activityOf(c.id()).starts().stream().filter(t -> !t.isBefore(since)).count();
      long restarts = Math.max(0, starts - 1);
      if (restarts <= maxRestarts) {
        return Outcome.pass(
            "restarts_in_window",
            restarts,
            "window",
            window.toString(),
            "RestartCount",
            c.restartCount());
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Container "
                  + c.name()
                  + " restarted "
                  + restarts
                  + " times within "
                  + window.toMinutes()
                  + " minutes",
              "restarts_in_window",
              restarts,
              "window",
              window.toString(),
              "max_restarts",
              maxRestarts,
              "RestartCount",
              c.restartCount(),
              "State.ExitCode",
              c.exitCode()));
    }
  }

  static final class OomKilled implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("monitoring.oom-killed");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      if (!c.oomKilled()) {
        return Outcome.pass("State.OOMKilled", false);
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Container " + c.name() + " was killed for running out of memory",
              "State.OOMKilled",
              true,
              "HostConfig.Memory",
              c.resources().memoryBytes()));
    }
  }
}
