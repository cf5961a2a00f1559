package io.dockwatch.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwatch.config.ConfigException;
import io.dockwatch.tls.TestPki.Encoding;
import io.dockwatch.tls.TestPki.Issued;
import io.dockwatch.tls.TestPki.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PemFilesTest {
  @TempDir static Path dir;
  static TestPki pki;
  static Issued rsa;
  static Issued ec256;
  static Issued ec384;

  @BeforeAll
  static void issue() {
    TestPki.assumeOpenssl();
    pki = TestPki.create(dir, "ca");
    rsa = pki.issue("rsa", KeyType.RSA_2048);
    ec256 = pki.issue("ec256", KeyType.EC_P256);
    ec384 = pki.issue("ec384", KeyType.EC_P384);
  }

  @Test
  void privateKey_rsaInPkcs1_isTheSameKeyAsInPkcs8() throws Exception {
    Path pkcs1 = pki.encode(rsa.key(), Encoding.TRADITIONAL);

    RSAPrivateCrtKey fromPkcs1 = (RSAPrivateCrtKey) PemFiles.privateKey(key(pkcs1));
    RSAPrivateCrtKey fromPkcs8 = (RSAPrivateCrtKey) PemFiles.privateKey(key(rsa.key()));

    assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY");
    assertThat(fromPkcs1.getModulus()).isEqualTo(fromPkcs8.getModulus());
    assertThat(fromPkcs1.getPrivateExponent()).isEqualTo(fromPkcs8.getPrivateExponent());
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyType.class,
      names = {"EC_P256", "EC_P384"})
  void privateKey_ecInSec1_isTheSameKeyAsInPkcs8(KeyType type) throws Exception {
    Issued issued = type == KeyType.EC_P256 ? ec256 : ec384;
    Path sec1 = pki.encode(issued.key(), Encoding.TRADITIONAL);

    ECPrivateKey fromSec1 = (ECPrivateKey) PemFiles.privateKey(key(sec1));
    ECPrivateKey fromPkcs8 = (ECPrivateKey) PemFiles.privateKey(key(issued.key()));

    assertThat(Files.readString(sec1)).startsWith("-----BEGIN EC PRIVATE KEY");
    assertThat(fromSec1.getS()).isEqualTo(fromPkcs8.getS());
    assertThat(fromSec1.getParams().getOrder()).isEqualTo(fromPkcs8.getParams().getOrder());
  }

  @Test
  void privateKey_sec1FromEcparamGenkey_skipsTheParametersBlock() throws Exception {
    Path both = pki.file("ecparam.pem");
    pki.openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", both.toString());

    PrivateKey key = PemFiles.privateKey(key(both));

    assertThat(key.getAlgorithm()).isEqualTo("EC");
  }

  @ParameterizedTest
  @EnumSource(
      value = Encoding.class,
      names = {"ENCRYPTED_PKCS8", "ENCRYPTED_TRADITIONAL"})
  void privateKey_encrypted_failsNamingTheFile(Encoding encoding) {
    Path encrypted = pki.encode(rsa.key(), encoding);

    assertThatThrownBy(() -> PemFiles.privateKey(key(encrypted)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("docker.tls.key " + encrypted + ": the key is encrypted");
  }

  @Test
  void privateKey_ecWithExplicitCurveParameters_failsSayingSo() {
    Path explicit = pki.file("explicit.pem");
    pki.openssl(
        "ec", "-in", ec256.key().toString(), "-param_enc", "explicit", "-out", explicit.toString());

    assertThatThrownBy(() -> PemFiles.privateKey(key(explicit)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(explicit.toString())
        .hasMessageContaining("spells out its curve parameters");
  }

  @Test
  void privateKey_certificateGivenAsKey_failsNamingTheFile() {
    assertThatThrownBy(() -> PemFiles.privateKey(key(rsa.cert())))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "docker.tls.key "
                + rsa.cert()
                + ": holds no PEM private key"
                + " (-----BEGIN PRIVATE KEY-----)");
  }

  @Test
  void privateKey_missingFile_failsNamingTheFile() {
    Path missing = dir.resolve("nothing-here.pem");

    assertThatThrownBy(() -> PemFiles.privateKey(key(missing)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("docker.tls.key " + missing + ": does not exist");
  }

  @Test
  void privateKey_damagedBase64_failsNamingTheFile() {
    Path damaged = pki.file("damaged.pem");
    TestPki.write(damaged, "-----BEGIN PRIVATE KEY-----\nMIIB*&^\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> PemFiles.privateKey(key(damaged)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("docker.tls.key " + damaged + ": is not valid PEM");
  }

  @Test
  void certificates_chainFile_keepsTheOrderLeafFirst() throws Exception {
    Path chain = pki.file("chain.pem");
    TestPki.write(chain, Files.readString(rsa.cert()) + Files.readString(pki.caCert()));

    List<X509Certificate> certs = PemFiles.certificates(new PemFile("http.tls.cert", chain));

    assertThat(certs)
        .extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=rsa", "CN=ca");
  }

  @Test
  void certificates_keyGivenAsCertificate_failsNamingTheFile() {
    assertThatThrownBy(() -> PemFiles.certificates(new PemFile("docker.tls.ca", rsa.key())))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "docker.tls.ca "
                + rsa.key()
                + ": holds no PEM certificate"
                + " (-----BEGIN CERTIFICATE-----)");
  }

  private static PemFile key(Path path) {
    return new PemFile("docker.tls.key", path);
  }
}
