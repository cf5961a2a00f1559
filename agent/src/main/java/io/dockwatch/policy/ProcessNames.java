package io.dockwatch.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reduces command lines to program names, so that nothing of the arguments (which can carry
 * passwords) is kept. {@code /usr/sbin/sshd -D} is {@code sshd}; {@code sshd: user@pts/0} is {@code
 * sshd}; {@code busybox telnetd -F} is {@code telnetd}.
 */
final class ProcessNames {
  /** Multi-call binaries whose first argument is the program that runs. */
  private static final Set<String> MULTI_CALL = Set.of("busybox", "toybox");

  private ProcessNames() {}

  static List<String> of(List<String> commandLines) {
    Set<String> out = new LinkedHashSet<>();
    for (String line : commandLines) {
      String name = name(line);
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return new ArrayList<>(out);
  }

  static String name(String commandLine) {
    String[] words = commandLine.strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return "";
    }
    String name = base(words[0]);
    if (MULTI_CALL.contains(name) && words.length > 1 && !words[1].startsWith("-")) {
      name = base(words[1]);
    }
    return name;
  }

  private static String base(String word) {
    String w = word;
    if (w.startsWith("[") && w.endsWith("]")) {
      w = w.substring(1, w.length() - 1);
    }
    if (w.endsWith(":")) {
      w = w.substring(0, w.length() - 1);
    }
    int slash = w.lastIndexOf('/');
    return slash >= 0 ? w.substring(slash + 1) : w;
  }
}
