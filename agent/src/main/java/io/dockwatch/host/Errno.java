package io.dockwatch.host;

import java.util.Map;

/** Short, bounded descriptions of the errno values the C library's calls here can fail with. */
final class Errno {
  /** Named as the kernel's error strings name them, so that they read as other tools print them. */
  private static final Map<Integer, String> DESCRIPTIONS =
      Map.ofEntries(
          Map.entry(1, "operation not permitted"),
          Map.entry(2, "no such file or directory"),
          Map.entry(5, "input/output error"),
          Map.entry(13, "permission denied"),
          Map.entry(14, "bad address"),
          Map.entry(20, "not a directory"),
          Map.entry(22, "invalid argument"),
          Map.entry(38, "function not implemented"),
          Map.entry(40, "too many levels of symbolic links"),
          Map.entry(75, "value too large for defined data type"),
          Map.entry(107, "transport endpoint is not connected"),
          Map.entry(116, "stale file handle"));

  private Errno() {}

  /** The description of {@code errno}, or {@code errno N} for one not listed. */
  static String describe(int errno) {
    return DESCRIPTIONS.getOrDefault(errno, "errno " + errno);
  }
}
