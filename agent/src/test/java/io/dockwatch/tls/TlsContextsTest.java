package io.dockwatch.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwatch.config.ConfigException;
import io.dockwatch.config.DockerConfig;
import io.dockwatch.tls.TestPki.Encoding;
import io.dockwatch.tls.TestPki.Issued;
import io.dockwatch.tls.TestPki.KeyType;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {
  @TempDir static Path dir;
  static TestPki pki;
  static Issued rsa;
  static Issued ec;
  static Issued otherEc;

  @BeforeAll
  static void issue() {
    TestPki.assumeOpenssl();
    pki = TestPki.create(dir, "ca");
    rsa = pki.issue("rsa", KeyType.RSA_2048);
    ec = pki.issue("ec", KeyType.EC_P256);
    otherEc = pki.issue("other-ec", KeyType.EC_P256);
  }

  @Test
  void server_ecKeyInSec1_builds() throws Exception {
    Path sec1 = pki.encode(ec.key(), Encoding.TRADITIONAL);

    SSLContext context = TlsContexts.server(ec.cert(), sec1);

    assertThat(context.getProtocol()).isEqualTo("TLS");
  }

  @Test
  void server_keyOfAnotherEcCertificate_failsNamingBothFiles() {
    assertThatThrownBy(() -> TlsContexts.server(ec.cert(), otherEc.key()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "http.tls.key "
                + otherEc.key()
                + ": is not the key of the certificate in http.tls.cert "
                + ec.cert()
                + " (a mismatched pair)");
  }

  @Test
  void engineClient_ecKeyForRsaCertificate_failsNamingBothFiles() {
    DockerConfig.Tls crossed = new DockerConfig.Tls(pki.caCert(), rsa.cert(), ec.key());

    assertThatThrownBy(() -> TlsContexts.engineClient(crossed))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("docker.tls.key " + ec.key())
        .hasMessageContaining("docker.tls.cert " + rsa.cert());
  }

  @Test
  void engineClient_keyGivenAsCa_failsNamingDockerTlsCa() {
    DockerConfig.Tls swapped = new DockerConfig.Tls(rsa.key(), rsa.cert(), rsa.key());

    assertThatThrownBy(() -> TlsContexts.engineClient(swapped))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("docker.tls.ca " + rsa.key() + ": holds no PEM certificate");
  }

  @Test
  void engineClient_everyKeyEncoding_builds() throws Exception {
    for (Issued issued : new Issued[] {rsa, ec}) {
      for (Encoding encoding : new Encoding[] {Encoding.PKCS8, Encoding.TRADITIONAL}) {
        Path key = pki.encode(issued.key(), encoding);

        SSLContext context =
            TlsContexts.engineClient(new DockerConfig.Tls(pki.caCert(), issued.cert(), key))
                .getSSLContext();

        assertThat(context).as("%s", key).isNotNull();
      }
    }
  }
}
