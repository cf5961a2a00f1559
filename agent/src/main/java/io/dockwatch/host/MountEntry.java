package io.dockwatch.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One line of {@code /proc/<pid>/mounts}: what is mounted where, and how. */
public record MountEntry(String device, String mountPoint, String fsType, String options) {

  public boolean readOnly() {
    for (String option : options.split(",")) {
      if (option.equals("ro")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The mount that holds {@code path}: the one with the longest mount point that is {@code path} or
   * one of its parents, the later one where two share a mount point, as a later mount hides an
   * earlier one.
   */
  public static Optional<MountEntry> holding(List<MountEntry> mounts, String path) {
    MountEntry best = null;
    for (MountEntry m : mounts) {
      String point = m.mountPoint();
      boolean contains =
          path.equals(point)
              || point.equals("/")
              || (path.startsWith(point) && path.charAt(point.length()) == '/');
      if (contains && (best == null || point.length() >= best.mountPoint().length())) {
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }

  static List<MountEntry> parse(String text) {
    List<MountEntry> out = new ArrayList<>();
    for (String line : Text.lines(text)) {
      String[] f = Text.fields(line);
      if (f.length < 4) {
        continue;
      }
      out.add(new MountEntry(f[0], unescape(f[1]), f[2], f[3]));
    }
    return out;
  }

  /** The kernel writes blanks in mount points as octal escapes, as fstab(5) does. */
  private static String unescape(String s) {
    return s.replace("\\040", " ").replace("\\011", "\t");
  }
}
