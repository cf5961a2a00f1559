package io.dockwatch.sink;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One structured record to forward: a finding transition or re-statement.
 *
 * @param time when the transition happened; the record's event time at the peer
 * @param fields the record, in a stable order; values are strings, numbers, booleans, lists or maps
 *     of those. Always carries {@code message}, {@code severity} and {@code host} as strings, which
 *     GELF maps to its own fields. The sinks add {@code record_id} themselves.
 */
public record OutboundRecord(Instant time, Map<String, Object> fields) {
  private static final List<String> REQUIRED = List.of("message", "severity", "host");

  public OutboundRecord {
    Objects.requireNonNull(time, "time");
    for (String key : REQUIRED) {
      if (!(fields.get(key) instanceof String)) {
        throw new IllegalArgumentException(
            "an outbound record needs a string '" + key + "', has " + fields.keySet());
      }
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
