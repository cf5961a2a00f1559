package io.dockwatch.sink;

import java.time.Instant;
import java.util.Map;

/**
 * One structured record to forward: a finding transition or re-statement.
 *
 * @param time when the transition happened; the record's event time at the peer
 * @param fields the record, in a stable order; values are strings, numbers, booleans, lists or maps
 *     of those. Always carries {@code message}, {@code severity} and {@code host}, which GELF maps
 *     to its own fields.
 */
public record OutboundRecord(Instant time, Map<String, Object> fields) {
  public OutboundRecord {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
