package io.dockwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthTest {
  private final BasicAuth auth = new BasicAuth(Map.of("prometheus", hash("correct horse")));

  @Test
  void permits_rightCredentials_isTrue() {
    assertThat(auth.permits(basic("prometheus:correct horse"))).isTrue();
  }

  @Test
  void permits_passwordWithColon_isTrue() {
    BasicAuth colons = new BasicAuth(Map.of("scraper", hash("a:b:c")));

    assertThat(colons.permits(basic("scraper:a:b:c"))).isTrue();
  }

  @Test
  void permits_schemeInOtherCase_isTrue() {
    String header = basic("prometheus:correct horse").replace("Basic", "bAsIc");

    assertThat(auth.permits(header)).isTrue();
  }

  @Test
  void permits_wrongPassword_isFalse() {
    assertThat(auth.permits(basic("prometheus:correct hors"))).isFalse();
  }

  @Test
  void permits_unknownUserWithAnotherUsersPassword_isFalse() {
    assertThat(auth.permits(basic("grafana:correct horse"))).isFalse();
  }

  @Test
  void permits_emptyPasswordForUnknownUser_isFalse() {
    assertThat(auth.permits(basic("nobody:"))).isFalse();
  }

  @Test
  void permits_missingHeader_isFalse() {
    assertThat(auth.permits(null)).isFalse();
  }

  @Test
  void permits_bearerToken_isFalse() {
    assertThat(auth.permits("Bearer abc.def")).isFalse();
  }

  @Test
  void permits_damagedBase64_isFalse() {
    assertThat(auth.permits("Basic %%%not-base64")).isFalse();
  }

  @Test
  void permits_credentialsWithoutColon_isFalse() {
    assertThat(auth.permits(basic("prometheus"))).isFalse();
  }

  @Test
  void permits_noUsersConfigured_letsEveryoneIn() {
    BasicAuth open = new BasicAuth(Map.of());

    assertThat(open.enabled()).isFalse();
    assertThat(open.permits(null)).isTrue();
  }

  /** The configuration's form of a password: {@code sha256:} and its hex digest. */
  static String hash(String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
