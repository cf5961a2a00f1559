package io.dockwatch.e2e.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.value.Value;

/** Turns msgpack values into plain Java values that tests can compare with AssertJ. */
final class MsgpackValues {
  private MsgpackValues() {}

  /**
   * The Java value of {@code value}: null, Boolean, Long (BigInteger past its range), Double,
   * String, byte[] for binary, List, Map with string keys, Instant for a msgpack timestamp, and the
   * payload's bytes for any other extension type.
   */
  static Object toJava(Value value) {
    return switch (value.getValueType()) {
      case NIL -> null;
      case BOOLEAN -> value.asBooleanValue().getBoolean();
      case INTEGER -> integer(value);
      case FLOAT -> value.asFloatValue().toDouble();
      // Lenient on purpose: a sender's broken UTF-8 should show in an assertion, not crash here.
      case STRING -> text(value);
      case BINARY -> value.asBinaryValue().asByteArray();
      case ARRAY -> list(value);
      case MAP -> toMap(value);
      case EXTENSION ->
          value.isTimestampValue()
              ? value.asTimestampValue().toInstant()
              : value.asExtensionValue().getData();
    };
  }

  private static Object integer(Value value) {
    if (value.asIntegerValue().isInLongRange()) {
      return value.asIntegerValue().asLong();
    }
    return value.asIntegerValue().asBigInteger();
  }

  private static List<Object> list(Value value) {
    List<Object> list = new ArrayList<>();
    value.asArrayValue().forEach(item -> list.add(toJava(item)));
    return Collections.unmodifiableList(list);
  }

  /** A msgpack map as a Java map; keys that are not strings are written as their msgpack text. */
  static Map<String, Object> toMap(Value value) {
    if (!value.isMapValue()) {
      throw new IllegalArgumentException("expected a map, got " + value.getValueType());
    }
    Map<String, Object> map = new LinkedHashMap<>();
    value
        .asMapValue()
        .map()
        .forEach((key, item) -> map.put(key.isRawValue() ? text(key) : key.toJson(), toJava(item)));
    return Collections.unmodifiableMap(map);
  }

  /** A string or binary value as UTF-8 text. */
  static String text(Value value) {
    return new String(value.asRawValue().asByteArray(), StandardCharsets.UTF_8);
  }
}
