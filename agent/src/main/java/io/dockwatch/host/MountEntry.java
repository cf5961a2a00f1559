package io.dockwatch.host;

import java.util.ArrayList;
import java.util.List;

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
