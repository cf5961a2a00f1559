package io.dockwatch.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One way a subject breaks a rule.
 *
 * @param detail what tells this violation apart from others of the same rule and subject (a port, a
 *     mount path); part of the fingerprint, so it must be stable and bounded
 * @param message one sentence an on-call engineer can act on
 * @param evidence the fields and values that decided it, by their engine name; never environment
 *     variables or whole configurations
 */
public record Violation(String detail, String message, Map<String, Object> evidence) {

  public Violation {
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  public static Violation of(String detail, String message, Object... keyValues) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      evidence.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new Violation(detail, message, evidence);
  }
}
