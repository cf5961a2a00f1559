package io.dockwatch.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP basic authentication against {@code sha256:HEX} password hashes. The digest of the offered
 * password is compared in constant time, and an unknown user costs the same digest and comparison
 * as a known one, so that timing tells an attacker neither.
 */
final class BasicAuth {
  /** The challenge sent with every 401. */
  static final String CHALLENGE = "Basic realm=\"dockwatch\", charset=\"UTF-8\"";

  private static final String PREFIX = "sha256:";
  private static final byte[] NOBODY = new byte[32];

  private final Map<String, byte[]> digests;

  /**
   * @param users user name to {@code sha256:} and 64 hex digits; empty to let everyone in
   */
  BasicAuth(Map<String, String> users) {
    Map<String, byte[]> parsed = new HashMap<>();
    users.forEach(
        (user, hash) -> {
          if (!hash.startsWith(PREFIX) || hash.length() != PREFIX.length() + 64) {
            throw new IllegalArgumentException("password hash of " + user + " is not sha256:HEX");
          }
          parsed.put(user, HexFormat.of().parseHex(hash.substring(PREFIX.length())));
        });
    this.digests = Map.copyOf(parsed);
  }

  /** Whether authentication is configured at all. */
  boolean enabled() {
    return !digests.isEmpty();
  }

  /** Whether a request with this {@code Authorization} header (or null) may pass. */
  boolean permits(String authorization) {
    if (!enabled()) {
      return true;
    }
    if (authorization == null) {
      return false;
    }
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
      return false;
    }
    String credentials;
    try {
      byte[] decoded = Base64.getDecoder().decode(authorization.substring(space + 1).strip());
      credentials = new String(decoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = credentials.indexOf(':');
    if (colon < 0) {
      return false;
    }
    byte[] expected = digests.get(credentials.substring(0, colon));
    byte[] offered = sha256(credentials.substring(colon + 1));
    boolean match = MessageDigest.isEqual(expected == null ? NOBODY : expected, offered);
    return match && expected != null;
  }

  private static byte[] sha256(String password) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
