package io.dockwatch.hostfacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The host group whose members may drive the engine through its socket, read from {@code
 * /etc/group} and {@code /etc/passwd}.
 *
 * @param members the users listed in the group, and those whose primary group it is: both can open
 *     the socket
 */
public record DockerGroup(String name, int gid, List<String> members) {

  public static final String NAME = "docker";

  public DockerGroup {
    members = List.copyOf(members);
  }

  /** The group of that name, from the lines of the group and passwd files; empty if absent. */
  public static Optional<DockerGroup> parse(
      String name, List<String> groupLines, List<String> passwdLines) {
    for (String line : groupLines) {
      String[] f = line.split(":", -1);
      if (f.length < 3 || !f[0].equals(name)) {
        continue;
      }
      int gid;
      try {
        gid = Integer.parseInt(f[2].trim());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      Set<String> members = new LinkedHashSet<>();
      if (f.length > 3) {
        for (String m : f[3].split(",")) {
          if (!m.isBlank()) {
            members.add(m.trim());
          }
        }
      }
      members.addAll(primaryMembers(gid, passwdLines));
      return Optional.of(new DockerGroup(name, gid, new ArrayList<>(members)));
    }
    return Optional.empty();
  }

  private static List<String> primaryMembers(int gid, List<String> passwdLines) {
    List<String> out = new ArrayList<>();
    for (String line : passwdLines) {
      String[] f = line.split(":", -1);
      if (f.length > 3 && f[3].trim().equals(String.valueOf(gid))) {
        out.add(f[0]);
      }
    }
    return out;
  }
}
