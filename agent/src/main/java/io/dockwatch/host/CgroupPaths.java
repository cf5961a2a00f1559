package io.dockwatch.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where a container's cgroup is, in the hierarchy's own paths (starting with {@code /}). */
final class CgroupPaths {
  private CgroupPaths() {}

  /**
   * The cgroup of a process in the hierarchy that holds {@code controller}, read from its {@code
   * /proc/<pid>/cgroup}; pass the empty controller for the unified (v2) hierarchy. Empty when this
   * process sees the other through a cgroup namespace, where the path is {@code /} or climbs with
   * {@code ..} and names nothing on this side.
   */
  static Optional<String> fromProcCgroup(String text, String controller) {
    for (String line : Text.lines(text)) {
      String[] parts = line.strip().split(":", 3);
      if (parts.length != 3 || !holds(parts, controller)) {
        continue;
      }
      String path = parts[2];
      if (path.equals("/") || path.contains("/..") || !path.startsWith("/")) {
        return Optional.empty();
      }
      return Optional.of(path);
    }
    return Optional.empty();
  }

  private static boolean holds(String[] parts, String controller) {
    if (controller.isEmpty()) {
      return parts[0].equals("0") && parts[1].isEmpty();
    }
    for (String c : parts[1].split(",")) {
      if (c.equals(controller)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the engine creates a container's cgroup, most likely first: under {@code /docker/<id>}
   * (cgroupfs driver) or {@code /system.slice/docker-<id>.scope} (systemd driver), or under the
   * container's {@code CgroupParent} when it has one.
   */
  static List<String> candidates(String id, String cgroupParent) {
    String parent = cgroupParent.strip();
    String cgroupfs = (parent.isEmpty() ? "/docker" : "/" + trimSlashes(parent)) + "/" + id;
    String scope = "/docker-" + id + ".scope";
    List<String> out = new ArrayList<>();
    if (parent.endsWith(".slice")) {
      out.add(expandSlice(parent) + scope);
      out.add(cgroupfs);
    } else {
      out.add(cgroupfs);
      out.add("/system.slice" + scope);
    }
    return out;
  }

  /**
   * A systemd slice's place in the tree: each dash opens a level, so {@code a-b.slice} lives at
   * {@code /a.slice/a-b.slice}; {@code -.slice} is the root.
   */
  static String expandSlice(String slice) {
    String name = slice.substring(0, slice.length() - ".slice".length());
    if (name.isEmpty() || name.equals("-")) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    int dash = -1;
    do {
      dash = name.indexOf('-', dash + 1);
      String prefix = dash < 0 ? name : name.substring(0, dash);
      path.append('/').append(prefix).append(".slice");
    } while (dash >= 0);
    return path.toString();
  }

  private static String trimSlashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '/') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(start, end);
  }
}
