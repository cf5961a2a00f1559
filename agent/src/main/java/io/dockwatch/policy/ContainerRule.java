package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import java.util.List;

/** A pure check of one container, given what is known of the host. */
public interface ContainerRule {

  RuleInfo info();

  /** The verdict on one container: passed with evidence, failed with violations, or a note. */
  Outcome evaluate(ContainerSnapshot container, HostContext host);

  /** The violations alone, for the event loop. */
  default List<Violation> check(ContainerSnapshot container, HostContext host) {
    return evaluate(container, host).violations();
  }

  /**
   * Whether the verdict on one container can change when another container changes, as the tenancy
   * rules' does: then every container is checked again after any change.
   */
  default boolean hostWide() {
    return false;
  }
}
