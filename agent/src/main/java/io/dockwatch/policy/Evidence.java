package io.dockwatch.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/** Evidence maps built from alternating keys and values, in order. */
final class Evidence {
  private Evidence() {}

  static Map<String, Object> of(Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("evidence needs key-value pairs");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }
}
