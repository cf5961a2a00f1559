package io.dockwatch.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splitting of the line-and-column text that {@code /proc}, {@code /sys} and cgroups expose. */
final class Text {
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
    return fields(line, Integer.MAX_VALUE);
  }

  /**
   * The first {@code max} blank-separated fields of a line, the rest left unsplit: {@code
   * /proc/stat}'s {@code intr} line alone holds a count for every interrupt line of the machine.
   */
  static String[] fields(String line, int max) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n && out.size() < max) {
      while (i < n && isBlank(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isBlank(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(line.substring(start, i));
      }
    }
    return out.toArray(new String[0]);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** The first line, stripped; empty for an empty text. */
  static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  /**
   * The {@code key value} lines of a file such as {@code /proc/vmstat} or a cgroup's {@code
   * memory.stat}. Lines that do not have that shape are skipped, so that a field added by a newer
   * kernel never hides the others. Read without splitting, since each collection round parses
   * hundreds of these files.
   */
  static Map<String, Long> keyedLongs(String text) {
    Map<String, Long> out = new LinkedHashMap<>();
    int n = text.length();
    int line = 0;
    while (line < n) {
      int end = text.indexOf('\n', line);
      if (end < 0) {
        end = n;
      }
      int space = text.indexOf(' ', line);
      if (space > line && space < end && isInteger(text, space + 1, end)) {
        out.put(text.substring(line, space), Long.parseLong(text, space + 1, end, 10));
      }
      line = end + 1;
    }
    return out;
  }

  /** Whether {@code s} is a decimal integer that fits a {@code long}. */
  static boolean isInteger(String s) {
    return isInteger(s, 0, s.length());
  }

  /** Whether the characters from {@code start} to {@code end} are a decimal integer. */
  private static boolean isInteger(CharSequence s, int start, int end) {
    int digits = start < end && s.charAt(start) == '-' ? start + 1 : start;
    if (end == digits || end - digits > 18) {
      return false;
    }
    for (int i = digits; i < end; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The major and minor number of a device written as {@code 8:16}, or null when {@code field} is
   * not such a pair.
   */
  static int[] majorMinor(String field) {
    int colon = field.indexOf(':');
    if (!isDigits(field, 0, colon) || !isDigits(field, colon + 1, field.length())) {
      return null;
    }
    return new int[] {
      Integer.parseInt(field, 0, colon, 10), Integer.parseInt(field, colon + 1, field.length(), 10)
    };
  }

  /** Whether the characters from {@code start} to {@code end} are one to nine decimal digits. */
  private static boolean isDigits(String s, int start, int end) {
    if (end - start < 1 || end - start > 9) {
      return false;
    }
    for (int i = start; i < end; i++) {
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
