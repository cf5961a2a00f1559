package io.dockwatch.policy;

import java.util.Collection;
import java.util.regex.Pattern;

/** Glob patterns of rule settings: {@code *} for any run of characters, {@code ?} for one. */
final class Globs {
  private Globs() {}

  static boolean matches(String glob, String text) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.matches(re.toString(), text);
  }

  static boolean anyMatches(Collection<String> globs, String text) {
    return globs.stream().anyMatch(g -> matches(g, text));
  }
}
