package io.dockwatch.tls;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** One {@code -----BEGIN label-----} block: its label, RFC 1421 headers and decoded content. */
record PemBlock(String label, List<String> headers, byte[] der) {
  PemBlock {
    headers = List.copyOf(headers);
  }

  /** The traditional OpenSSL encryption marker, {@code Proc-Type: 4,ENCRYPTED}. */
  boolean encrypted() {
    return headers.stream()
        .map(h -> h.replace(" ", "").toUpperCase(Locale.ROOT))
        .anyMatch(h -> h.startsWith("PROC-TYPE:") && h.endsWith(",ENCRYPTED"));
  }

  /** Every block in {@code text}; text outside blocks (such as openssl's dumps) is skipped. */
  static List<PemBlock> parse(String text) {
    List<PemBlock> blocks = new ArrayList<>();
    String label = null;
    List<String> headers = new ArrayList<>();
    StringBuilder base64 = new StringBuilder();
    for (String raw : text.split("\r?\n|\r")) {
      String line = raw.strip();
      if (label == null) {
        if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
          label = line.substring(11, line.length() - 5);
          headers.clear();
          base64.setLength(0);
        }
      } else if (line.equals("-----END " + label + "-----")) {
        blocks.add(new PemBlock(label, headers, decode(label, base64)));
        label = null;
      } else if (line.contains(":")) {
        headers.add(line);
      } else {
        base64.append(line);
      }
    }
    if (label != null) {
      throw new IllegalArgumentException("-----BEGIN " + label + "----- has no END line");
    }
    return blocks;
  }

  private static byte[] decode(String label, CharSequence base64) {
    try {
      return Base64.getDecoder().decode(base64.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the base64 inside " + label + " is damaged: " + e.getMessage(), e);
    }
  }
}
