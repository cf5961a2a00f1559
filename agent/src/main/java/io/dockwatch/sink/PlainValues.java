package io.dockwatch.sink;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces record values to the few types every encoder knows: {@code String}, {@code Long}, {@code
 * Double}, {@code Boolean}, {@code List}, {@code Map} with string keys, and null. Anything else (an
 * {@code Instant}, an enum, a path, an integer too large for a long) becomes its {@code
 * toString()}.
 */
final class PlainValues {
  private PlainValues() {}

  static Object plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof BigInteger number && number.bitLength() < Long.SIZE) {
      return number.longValue();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      return plainMap(map);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(collection.size());
      for (Object element : collection) {
        list.add(plain(element));
      }
      return list;
    }
    if (value instanceof Object[] array) {
      return plain(Arrays.asList(array));
    }
    return value.toString();
  }

  static Map<String, Object> plainMap(Map<?, ?> map) {
    Map<String, Object> plain = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      plain.put(String.valueOf(entry.getKey()), plain(entry.getValue()));
    }
    return plain;
  }
}
