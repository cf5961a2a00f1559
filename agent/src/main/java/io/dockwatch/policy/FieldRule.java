package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import java.util.function.Function;
import java.util.function.Predicate;

/** A container rule decided by one inspect field: it fails when the field's value is a bad one. */
final class FieldRule<T> implements ContainerRule {
  private final String ruleId;
  private final String field;
  private final Function<ContainerSnapshot, T> read;
  private final Predicate<T> bad;
  private final String problem;

  /**
   * @param field the engine's name of the field, as the evidence names it
   * @param problem what the container does wrong, as in "Container NAME {@code problem}"
   */
  FieldRule(
      String ruleId,
      String field,
      Function<ContainerSnapshot, T> read,
      Predicate<T> bad,
      String problem) {
    this.ruleId = ruleId;
    this.field = field;
    this.read = read;
    this.bad = bad;
    this.problem = problem;
  }

  @Override
  public RuleInfo info() {
    return RuleCatalog.standard().get(ruleId);
  }

  @Override
  public Outcome evaluate(ContainerSnapshot c, HostContext host) {
    T value = read.apply(c);
    // evidence travels to sinks that have no null: an unset field is said in words
    Object shown = value == null ? "unset" : value;
    if (!bad.test(value)) {
      return Outcome.pass(field, shown);
    }
    return Outcome.fail(Violation.of("", "Container " + c.name() + " " + problem, field, shown));
  }
}
