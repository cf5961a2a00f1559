package io.dockwatch.e2e.support;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event as a forward-protocol peer received it.
 *
 * @param tag the tag its message carried
 * @param time its event time, to the nanosecond when the sender sent an EventTime
 * @param record its fields, in the order sent: strings, Longs, Doubles, Booleans, byte arrays,
 *     lists and maps of those, or null
 */
public record ForwardEntry(String tag, Instant time, Map<String, Object> record) {
  public ForwardEntry {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(time, "time");
    record = Collections.unmodifiableMap(new LinkedHashMap<>(record));
  }

  /** The field {@code name} as text, or null when it is absent. */
  public String field(String name) {
    Object value = record.get(name);
    return value == null ? null : value.toString();
  }
}
