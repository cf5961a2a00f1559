package io.dockwatch.host;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operating system's identification from {@code os-release(5)}: shell-style {@code KEY=value}
 * assignments, values optionally quoted.
 */
public record OsRelease(Map<String, String> fields) {

  public OsRelease {
    fields = Map.copyOf(fields);
  }

  /** The value of a key such as {@code VERSION_ID}, or the empty string when it is not set. */
  public String get(String key) {
    return fields.getOrDefault(key, "");
  }

  static OsRelease parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Text.lines(text)) {
      String s = line.strip();
      int eq = s.indexOf('=');
      if (s.startsWith("#") || eq <= 0) {
        continue;
      }
      out.put(s.substring(0, eq), unquote(s.substring(eq + 1)));
    }
    return new OsRelease(out);
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      boolean escapes = value.charAt(0) == '"';
      String inner = value.substring(1, value.length() - 1);
      if (!escapes) {
        return inner;
      }
      StringBuilder out = new StringBuilder(inner.length());
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '\\' && i + 1 < inner.length()) {
          c = inner.charAt(++i);
        }
        out.append(c);
      }
      return out.toString();
    }
    return value;
  }
}
