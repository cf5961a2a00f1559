package io.dockwatch.hostfacts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The file-system watches of auditd rules, as paths. A watch covers its path exactly, and
 * everything beneath it when it is a directory (auditd watches directories recursively). Paths are
 * compared whole: a watch on {@code /usr/bin/containerd-shim} does not cover {@code
 * /usr/bin/containerd}, however alike the text.
 *
 * @param sources the rule files read, for evidence
 */
public record AuditRules(Set<String> watched, List<String> sources) {

  public AuditRules {
    watched = Set.copyOf(watched);
    sources = List.copyOf(sources);
  }

  /**
   * The watches of one rule file, in the syntax of {@code auditctl}: {@code -w PATH}, and {@code -a
   * ... -F path=PATH} or {@code -F dir=PATH} syscall rules. {@code -W PATH} removes a watch and
   * {@code -D} every rule before it, as loading the file would.
   */
  public static Set<String> parse(List<String> lines) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      if (words[0].equals("-D")) {
        out.clear();
        continue;
      }
      boolean syscall = words[0].equals("-a") || words[0].equals("-A");
      for (int i = 0; i + 1 < words.length; i++) {
        String w = words[i];
        String next = words[i + 1];
        if (w.equals("-w")) {
          out.add(normalise(next));
        } else if (w.equals("-W")) {
          out.remove(normalise(next));
        } else if (syscall
            && w.equals("-F")
            && (next.startsWith("path=") || next.startsWith("dir="))) {
          out.add(normalise(next.substring(next.indexOf('=') + 1)));
        }
      }
    }
    return out;
  }

  /** Whether any of the spellings of one file is watched, itself or through a directory. */
  public boolean covers(Collection<String> spellings) {
    for (String path : spellings) {
      String p = normalise(path);
      for (String w : watched) {
        if (p.equals(w) || p.startsWith(w.endsWith("/") ? w : w + "/")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The watches that decided {@link #covers}, for evidence. */
  public List<String> coveringWatches(Collection<String> spellings) {
    List<String> out = new ArrayList<>();
    for (String w : watched) {
      if (new AuditRules(Set.of(w), List.of()).covers(spellings)) {
        out.add(w);
      }
    }
    return out;
  }

  private static String normalise(String path) {
    String p = path.replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
