package io.dockwatch.http;

import java.util.Locale;

/**
 * Reads an {@code Accept-Encoding} header for the one coding the agent offers, gzip, which
 * Prometheus asks for on every scrape: with hundreds of containers the exposition shrinks about
 * tenfold.
 */
final class AcceptEncoding {
  private AcceptEncoding() {}

  /** Whether {@code header} accepts gzip: named or matched by {@code *}, with a weight above 0. */
  static boolean gzip(String header) {
    if (header == null) {
      return false;
    }
    boolean byWildcard = false;
    for (String item : header.split(",")) {
      String[] parts = item.split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      boolean wanted = weight(parts) > 0;
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        return wanted; // a named coding overrides the wildcard
      }
      if (coding.equals("*")) {
        byWildcard = wanted;
      }
    }
    return byWildcard;
  }

  private static double weight(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0; // an unreadable weight does not ask for the coding
        }
      }
    }
    return 1;
  }
}
