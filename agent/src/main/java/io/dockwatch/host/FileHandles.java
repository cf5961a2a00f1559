package io.dockwatch.host;

import java.util.Optional;

/** Open file handles system-wide and their limit, from {@code /proc/sys/fs/file-nr}. */
public record FileHandles(long allocated, long maximum) {

  static Optional<FileHandles> parse(String text) {
    String[] f = Text.fields(text);
    if (f.length < 3 || !Text.isInteger(f[0]) || !Text.isInteger(f[2])) {
      return Optional.empty();
    }
    return Optional.of(new FileHandles(Long.parseLong(f[0]), Long.parseLong(f[2])));
  }
}
