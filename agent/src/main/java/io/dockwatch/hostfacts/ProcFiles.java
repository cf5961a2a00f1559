package io.dockwatch.hostfacts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the files of {@code /proc} the agent reads. Pure: tests feed them fixture text. */
final class ProcFiles {
  private static final Pattern CONTAINER_ID =
      Pattern.compile("(?:/docker[/-]|/containers/)([0-9a-f]{64})(?:[/.]|$)");

  private ProcFiles() {}

  /** The words of {@code /proc/PID/cmdline}: NUL-terminated, and possibly empty ones within. */
  static List<String> cmdline(byte[] raw) {
    List<String> out =
        new ArrayList<>(List.of(new String(raw, StandardCharsets.UTF_8).split("\0", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** The mount points of a {@code mountinfo} file, with its octal escapes undone. */
  static Set<String> mountPoints(List<String> mountinfo) {
    Set<String> out = new LinkedHashSet<>();
    for (String line : mountinfo) {
      String[] f = line.split(" ");
      if (f.length > 4) {
        out.add(unescape(f[4]));
      }
    }
    return out;
  }

  /** The boot time from the {@code btime} line of {@code /proc/stat}. */
  static Optional<Instant> bootTime(List<String> stat) {
    for (String line : stat) {
      if (line.startsWith("btime ")) {
        try {
          return Optional.of(Instant.ofEpochSecond(Long.parseLong(line.substring(6).trim())));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The id of the container a process runs in, from its {@code mountinfo} (the engine bind-mounts
   * {@code /var/lib/docker/containers/ID/hostname} and friends) or its {@code cgroup} file (cgroup
   * v1, or v2 with a private namespace not hiding it).
   */
  static Optional<String> containerId(List<String> mountinfo, List<String> cgroup) {
    for (List<String> lines : List.of(mountinfo, cgroup)) {
      for (String line : lines) {
        Matcher m = CONTAINER_ID.matcher(line);
        if (m.find()) {
          return Optional.of(m.group(1));
        }
      }
    }
    return Optional.empty();
  }

  private static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\'
          && i + 3 < field.length()
          && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
