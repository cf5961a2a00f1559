package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.hostfacts.HostFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs one rule of a policy on a fixture, through the policy as the agent runs it. */
public final class Checks {
  public static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private final Policy policy;
  private final HostFacts facts;
  private final Map<String, ContainerActivity> activity;

  public Checks(Policy policy, HostFacts facts, Map<String, ContainerActivity> activity) {
    this.policy = policy;
    this.facts = facts;
    this.activity = activity;
  }

  /** The default policy on the test engine, nothing else known of the host. */
  public static Checks standard() {
    return new Checks(Fixtures.policy(""), new FactsBuilder().build(NOW), Map.of());
  }

  public static Checks with(HostFacts facts) {
    return new Checks(Fixtures.policy(""), facts, Map.of());
  }

  public HostContext context(ContainerSnapshot... others) {
    return policy.context(NOW, List.of(others), facts, activity);
  }

  public RuleResult on(String rule, ContainerSnapshot c) {
    return policy.evaluate(c, context(c)).stream()
        .filter(r -> r.rule().id().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result of " + rule));
  }

  public Outcome outcome(String rule, ContainerSnapshot c) {
    return on(rule, c).outcome();
  }

  public RuleResult onHost(String rule) {
    return policy.evaluateHost(context()).stream()
        .filter(r -> r.rule().id().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result of " + rule));
  }

  public Outcome hostOutcome(String rule) {
    return onHost(rule).outcome();
  }
}
