package io.dockwatch.hostfacts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ownership and permission bits of one host file, as {@code stat} would show them after
 * following links.
 *
 * @param path the path the check is about, as the host names it
 * @param realPath the same after following symbolic links; equal to {@code path} when it has none
 * @param exists false when nothing is at the path; the other fields are then meaningless
 * @param mode the permission bits including set-id and sticky bits ({@code 07777}), never the type
 */
public record FileStat(
    String path, String realPath, boolean exists, Kind kind, int uid, int gid, int mode) {

  /** What sits at the path. */
  public enum Kind {
    FILE,
    DIRECTORY,
    SOCKET,
    OTHER
  }

  public FileStat {
    mode = mode & 07777;
  }

  public static FileStat absent(String path) {
    return new FileStat(path, path, false, Kind.OTHER, -1, -1, 0);
  }

  /**
   * Whether the file grants any permission bit beyond {@code allowed}. Bits, not numbers: {@code
   * 0700} exceeds {@code 0644} (owner execute), {@code 0600} does not.
   */
  public boolean grantsMoreThan(int allowed) {
    return (mode & ~allowed) != 0;
  }

  /** The bits granted beyond {@code allowed}, in octal, such as {@code 0100}. */
  public String excessBits(int allowed) {
    return octal(mode & ~allowed);
  }

  public String octalMode() {
    return octal(mode);
  }

  public static String octal(int bits) {
    return String.format("%04o", bits);
  }

  /** The decisive facts as finding evidence. */
  public Map<String, Object> evidence() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("path", path);
    if (!realPath.equals(path)) {
      out.put("real_path", realPath);
    }
    if (exists) {
      out.put("uid", uid);
      out.put("gid", gid);
      out.put("mode", octalMode());
    } else {
      out.put("exists", false);
    }
    return out;
  }
}
