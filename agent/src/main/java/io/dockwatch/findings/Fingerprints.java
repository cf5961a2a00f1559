package io.dockwatch.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable identities of findings: the same cause on the same subject gives the same print. */
final class Fingerprints {
  private Fingerprints() {}

  /** 128 bits of SHA-256 over host, rule, subject and the deciding detail. */
  static String of(String host, String rule, String subject, String detail) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {host, rule, subject, detail}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
