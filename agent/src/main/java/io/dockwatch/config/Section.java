package io.dockwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table of the configuration, read with defaults. Every read records the key as known, so that
 * {@link #rejectUnknown()} can name typos; every bad value is reported to {@link Problems} and
 * replaced by the default, so that one pass finds every problem.
 */
final class Section {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KiB|MiB|GiB)?");

  private final String path;
  private final JsonNode node;
  private final Problems problems;
  private final Set<String> known = new HashSet<>();

  Section(String path, JsonNode node, Problems problems) {
    this.path = path;
    this.node = node == null ? MissingNode.getInstance() : node;
    this.problems = problems;
    if (!this.node.isMissingNode() && !this.node.isObject()) {
      problems.add(path, "must be a table, not " + describe(this.node));
    }
  }

  String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  void problem(String name, String message) {
    problems.add(key(name), message);
  }

  boolean has(String name) {
    known.add(name);
    return node.isObject() && node.has(name);
  }

  Section section(String name) {
    known.add(name);
    return new Section(key(name), node.isObject() ? node.get(name) : null, problems);
  }

  String string(String name, String fallback) {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual()) {
      problem(name, "must be a string, not " + describe(value));
      return fallback;
    }
    return value.asText();
  }

  boolean bool(String name, boolean fallback) {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      problem(name, "must be true or false, not " + describe(value));
      return fallback;
    }
    return value.asBoolean();
  }

  long integer(String name, long fallback, long min, long max) {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber()) {
      problem(name, "must be a whole number, not " + describe(value));
      return fallback;
    }
    long v = value.asLong();
    if (!value.canConvertToLong() || v < min || v > max) {
      problem(name, value.asText() + " is out of range " + min + ".." + max);
      return fallback;
    }
    return v;
  }

  Duration duration(String name, Duration fallback, Duration min) {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(value.isTextual() ? value.asText().trim() : "");
    if (!m.matches()) {
      problem(name, describe(value) + " is not a duration such as \"30s\", \"5m\", \"1h\", \"7d\"");
      return fallback;
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (d.compareTo(min) < 0) {
      String floor = min.toMillis() < 1000 ? min.toMillis() + "ms" : min.toSeconds() + "s";
      problem(name, value.asText() + " is shorter than the minimum of " + floor);
      return fallback;
    }
    return d;
  }

  long bytes(String name, long fallback, long min) {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    if (value.isIntegralNumber()) {
      return atLeast(name, value.asLong(), min, fallback);
    }
    Matcher m = SIZE.matcher(value.isTextual() ? value.asText().trim() : "");
    if (!m.matches()) {
      problem(name, describe(value) + " is not a size such as \"64MiB\"");
      return fallback;
    }
    long unit =
        switch (m.group(2) == null ? "B" : m.group(2)) {
          case "KiB" -> 1L << 10;
          case "MiB" -> 1L << 20;
          case "GiB" -> 1L << 30;
          default -> 1L;
        };
    return atLeast(name, Long.parseLong(m.group(1)) * unit, min, fallback);
  }

  private long atLeast(String name, long v, long min, long fallback) {
    if (v < min) {
      problem(name, v + " bytes is below the minimum of " + min);
      return fallback;
    }
    return v;
  }

  List<String> strings(String name, List<String> fallback) {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isArray()) {
      problem(name, "must be a list of strings, not " + describe(value));
      return fallback;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        problems.add(key(name) + "[" + i + "]", "must be a string, not " + describe(item));
      } else {
        out.add(item.asText());
      }
    }
    return List.copyOf(out);
  }

  /** A table of string values, for example label names keyed by role. */
  Map<String, String> stringMap(String name) {
    Section table = section(name);
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : table.keys()) {
      String v = table.string(k, null);
      if (v != null) {
        out.put(k, v);
      }
    }
    return out;
  }

  /** The items of an array of tables, each as its own section. */
  List<Section> tables(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      problem(name, "must be an array of tables ([[" + key(name) + "]]), not " + describe(value));
      return List.of();
    }
    List<Section> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      out.add(new Section(key(name) + "[" + i + "]", value.get(i), problems));
    }
    return out;
  }

  /**
   * A rule parameter as a plain Java value: {@code Long}, {@code Boolean}, {@code String}, or a
   * {@code List<String>}; anything else is a problem and reads as {@code null}.
   */
  Object plain(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isArray()) {
      return strings(name, List.of());
    }
    problem(name, "must be a number, true/false, a string or a list of strings");
    return null;
  }

  List<String> keys() {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(out::add);
    }
    known.addAll(out);
    return out;
  }

  /** Reports every key of this table that no read asked for: typos, or keys of another version. */
  void rejectUnknown() {
    if (!node.isObject()) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        List<String> sorted = new ArrayList<>(known);
        sorted.sort(null);
        problem(name, "unknown key (known here: " + String.join(", ", sorted) + ")");
      }
    }
  }

  private JsonNode value(String name) {
    known.add(name);
    if (!node.isObject()) {
      return null;
    }
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  static String describe(JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText();
      return "\"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\"";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a table";
    }
    return value.toString();
  }
}
