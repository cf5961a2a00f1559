package io.dockwatch.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Picks containers by name, image or label, each a glob ({@code *} and {@code ?}). Every part given
 * must match. Used for infrastructure containers and for exceptions; never taken from a container's
 * own labels alone, since a tenant could set those.
 */
public record Selector(String name, String image, Map<String, String> labels, String reason) {

  public Selector {
    labels = Map.copyOf(labels);
  }

  public boolean matches(String containerName, String containerImage, Map<String, String> lbls) {
    if (name != null && !glob(name).matcher(stripSlash(containerName)).matches()) {
      return false;
    }
    if (image != null && !glob(image).matcher(containerImage).matches()) {
      return false;
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String v = lbls.get(e.getKey());
      if (v == null || !glob(e.getValue()).matcher(v).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String stripSlash(String n) {
    return n.startsWith("/") ? n.substring(1) : n;
  }

  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
