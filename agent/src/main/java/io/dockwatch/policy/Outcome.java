package io.dockwatch.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rule decided about one subject. A pass carries the evidence that it passed, so that an
 * audit report shows what was checked, not just that nothing was found.
 */
public sealed interface Outcome {

  /** The violations, none unless failed. */
  default List<Violation> violations() {
    return List.of();
  }

  /** The subject complies; {@code evidence} names the values that show it. */
  record Pass(Map<String, Object> evidence) implements Outcome {
    public Pass {
      evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
  }

  /** The subject breaks the rule, in one or more ways. */
  record Fail(List<Violation> violations) implements Outcome {
    public Fail {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a failure needs at least one violation");
      }
    }
  }

  /**
   * Nothing to judge, or nothing the agent can judge: the rule does not apply (the file is absent,
   * the container is not running), the facts are unknown, or the check only informs (as the
   * benchmark's "INFO" checks do). Never a finding.
   */
  record Info(String note, Map<String, Object> evidence) implements Outcome {
    public Info {
      evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
  }

  static Outcome pass(Object... keyValues) {
    return new Pass(Evidence.of(keyValues));
  }

  static Outcome info(String note, Object... keyValues) {
    return new Info(note, Evidence.of(keyValues));
  }

  static Outcome fail(Violation... violations) {
    return new Fail(List.of(violations));
  }

  /** Failed when there are violations, else passed with the given evidence. */
  static Outcome of(List<Violation> violations, Object... passEvidence) {
    return violations.isEmpty() ? pass(passEvidence) : new Fail(violations);
  }
}
