package io.dockwatch.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Splitting of the line-and-column text that {@code /proc}, {@code /sys} and cgroups expose. */
final class Text {
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private Text() {}

  /** The lines that hold anything but blanks. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(line);
      }
    }
    return out;
  }

  /** The blank-separated fields of a line. */
  static String[] fields(String line) {
    return BLANKS.split(line.strip());
  }

  /** The first line, stripped; empty for an empty text. */
  static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  /**
   * The {@code key value} lines of a file such as {@code /proc/vmstat} or a cgroup's {@code
   * memory.stat}. Lines that do not have that shape are skipped, so that a field added by a newer
   * kernel never hides the others.
   */
  static Map<String, Long> keyedLongs(String text) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String line : lines(text)) {
      String[] f = fields(line);
      if (f.length == 2 && isInteger(f[1])) {
        out.put(f[0], Long.parseLong(f[1]));
      }
    }
    return out;
  }

  /** Whether {@code s} is a decimal integer that fits a {@code long}. */
  static boolean isInteger(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start || s.length() - start > 18) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code s} as a number, or {@code fallback} when it is not a decimal integer. */
  static long longOr(String s, long fallback) {
    return isInteger(s) ? Long.parseLong(s) : fallback;
  }
}
