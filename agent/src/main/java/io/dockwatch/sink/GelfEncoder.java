package io.dockwatch.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dockwatch.policy.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes a record as a GELF 1.1 message (JSON, without the frame delimiter).
 *
 * <p>{@code message} becomes {@code short_message}, {@code host} stays {@code host}, the time
 * becomes {@code timestamp} in seconds with microseconds, and {@code severity} also gives the
 * syslog {@code level} (critical 2, high 3, medium 4, low 5, info 6; anything else 6). Every other
 * field becomes an additional field {@code _name}: characters GELF does not allow in a name become
 * {@code _}, a field named {@code id} becomes {@code _id_} because {@code _id} is reserved, nested
 * values become JSON text and booleans the text {@code true} or {@code false}, since GELF takes
 * only strings and numbers. {@code _record_id} is added.
 */
final class GelfEncoder {
  static final String RECORD_ID = "_record_id";
  private static final int DEFAULT_LEVEL = 6;
  private static final List<String> MAPPED = List.of("host", "message");

  private final JsonMapper json =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  /** The GELF message for {@code record}, carrying {@code recordId} as {@code _record_id}. */
  byte[] encode(OutboundRecord record, String recordId) {
    Map<String, Object> fields = PlainValues.plainMap(record.fields());
    Map<String, Object> gelf = new LinkedHashMap<>();
    gelf.put("version", "1.1");
    gelf.put("host", String.valueOf(fields.get("host")));
    gelf.put("short_message", String.valueOf(fields.get("message")));
    gelf.put("timestamp", seconds(record.time()));
    gelf.put("level", level(String.valueOf(fields.get("severity"))));
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      Object value = additional(field.getValue());
      if (!MAPPED.contains(field.getKey()) && value != null) {
        gelf.put(additionalName(field.getKey()), value);
      }
    }
    gelf.put(RECORD_ID, recordId);
    try {
      return json.writeValueAsBytes(gelf);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain values always serialise", e);
    }
  }

  static int level(String severity) {
    Optional<Severity> parsed = Severity.parse(severity);
    if (parsed.isEmpty()) {
      return DEFAULT_LEVEL;
    }
    switch (parsed.get()) {
      case CRITICAL:
        return 2;
      case HIGH:
        return 3;
      case MEDIUM:
        return 4;
      case LOW:
        return 5;
      case INFO:
        return 6;
    }
    throw new IllegalStateException("unmapped severity " + parsed.get());
  }

  static String additionalName(String field) {
    String name = "_" + field.replaceAll("[^A-Za-z0-9_.\\-]", "_");
    return name.equals("_id") ? "_id_" : name;
  }

  private static BigDecimal seconds(Instant time) {
    long micros =
        Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    return BigDecimal.valueOf(micros, 6);
  }

  private Object additional(Object value) {
    if (value == null || value instanceof String || value instanceof Long) {
      return value;
    }
    if (value instanceof Double number) {
      return number.isNaN() || number.isInfinite() ? number.toString() : number;
    }
    if (value instanceof Boolean flag) {
      return flag.toString();
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain values always serialise", e);
    }
  }
}
