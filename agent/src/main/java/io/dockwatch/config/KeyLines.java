package io.dockwatch.config;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each key of a TOML document stands, so that an error can name its line. A light scan of
 * table headers and {@code key = value} lines: values spanning lines and inline tables are located
 * by the line of their key, which is what an operator needs to find them.
 */
final class KeyLines {
  private static final Pattern TABLE = Pattern.compile("^\\s*\\[\\[?\\s*([^\\]]+?)\\s*\\]\\]?");
  private static final Pattern KEY =
      Pattern.compile("^\\s*(\"[^\"]*\"|[A-Za-z0-9_.\\-\"]+?)\\s*=(?!=)");

  private final Map<String, Integer> lines = new HashMap<>();

  KeyLines(String text) {
    String table = "";
    Map<String, Integer> arrayIndex = new HashMap<>();
    String[] all = text.split("\r?\n", -1);
    for (int i = 0; i < all.length; i++) {
      String line = all[i];
      Matcher t = TABLE.matcher(line);
      if (t.find()) {
        table = unquote(t.group(1));
        if (line.trim().startsWith("[[")) {
          int index = arrayIndex.merge(table, 1, Integer::sum) - 1;
          table = table + "[" + index + "]";
        }
        lines.putIfAbsent(table, i + 1);
        continue;
      }
      Matcher k = KEY.matcher(line);
      if (k.find()) {
        String key = unquote(k.group(1));
        lines.putIfAbsent(table.isEmpty() ? key : table + "." + key, i + 1);
      }
    }
  }

  /** The line of a key path such as {@code rules.ports.allowed[2]}, or of its nearest parent. */
  int lineOf(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return 0;
  }

  private static String unquote(String key) {
    return key.replace("\"", "").replaceAll("\\s*\\.\\s*", ".");
  }
}
