package io.dockwatch.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems, each prefixed with the file and line of its key. */
final class Problems {
  private final String source;
  private final KeyLines lines;
  private final List<String> messages = new ArrayList<>();

  Problems(String source, KeyLines lines) {
    this.source = source;
    this.lines = lines;
  }

  void add(String key, String message) {
    int line = lines.lineOf(key);
    String where = line > 0 ? source + ":" + line : source;
    messages.add(where + ": " + key + ": " + message);
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  List<String> messages() {
    return messages;
  }
}
