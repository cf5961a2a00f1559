package io.dockwatch.policy;

import java.util.List;

/** A pure check of the host: its engine, daemon flags and files. */
public interface HostRule {

  RuleInfo info();

  /** The verdict on the host: passed with evidence, failed with violations, or a note. */
  Outcome evaluate(HostContext host);

  /** The violations alone, for the event loop. */
  default List<Violation> check(HostContext host) {
    return evaluate(host).violations();
  }
}
