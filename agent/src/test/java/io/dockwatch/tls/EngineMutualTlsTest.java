package io.dockwatch.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.transport.SSLConfig;
import io.dockwatch.config.ConfigException;
import io.dockwatch.config.DockerConfig;
import io.dockwatch.docker.HttpEngineClient;
import io.dockwatch.tls.TestPki.Encoding;
import io.dockwatch.tls.TestPki.Issued;
import io.dockwatch.tls.TestPki.KeyType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's engine client against a real engine that demands mutual TLS: every client key
 * encoding connects, and each common misconfiguration is named. Needs dockerd, ip and root.
 */
class EngineMutualTlsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String BRIDGE = "dwh1";
  private static final String BRIDGE_CIDR = "10.213.51.1/24";

  @TempDir static Path dir;
  static TestPki pki;
  static TestPki stranger;
  static Issued rsaClient;
  static Issued ecClient;
  static Issued ec384Client;
  static PrivateEngine engine;

  @BeforeAll
  static void startEngine() throws IOException {
    TestPki.assumeOpenssl();
    assumeTrue(
        PrivateEngine.possible(),
        "dockerd and ip must be installed and the tests run as root to start a private engine");
    pki = TestPki.create(dir, "ca");
    stranger = TestPki.create(dir, "stranger");
    Issued server = pki.issue("engine", KeyType.EC_P256);
    rsaClient = pki.issue("rsa-client", KeyType.RSA_2048);
    ecClient = pki.issue("ec-client", KeyType.EC_P256);
    ec384Client = pki.issue("ec384-client", KeyType.EC_P384);
    engine =
        PrivateEngine.start(
            BRIDGE,
            BRIDGE_CIDR,
            pki.caCert(),
            server.cert(),
            server.key(),
            uri -> answers(config(uri, pki.caCert(), ecClient.cert(), ecClient.key())));
  }

  @AfterAll
  static void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  static Stream<Arguments> clientKeys() {
    return Stream.of(
        Arguments.of("RSA PKCS#1", rsaClient, Encoding.TRADITIONAL),
        Arguments.of("RSA PKCS#8", rsaClient, Encoding.PKCS8),
        Arguments.of("EC P-256 SEC1", ecClient, Encoding.TRADITIONAL),
        Arguments.of("EC P-256 PKCS#8", ecClient, Encoding.PKCS8),
        Arguments.of("EC P-384 SEC1", ec384Client, Encoding.TRADITIONAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clientKeys")
  void connect_clientKeyInEachEncoding_readsTheEngine(String name, Issued client, Encoding encoding)
      throws Exception {
    Path key = pki.encode(client.key(), encoding);
    DockerConfig docker = config(engine.uri(), pki.caCert(), client.cert(), key);

    try (HttpEngineClient connected =
        HttpEngineClient.connect(engine.uri(), EngineTls.sslConfig(docker), TIMEOUT)) {

      connected.ping();
      assertThat(connected.apiVersion()).matches("1\\.\\d+");
      assertThat(connected.info().path("ID").asText()).isNotEmpty();
    }
  }

  @Test
  void connect_caThatDidNotSignTheEngine_isNamed() throws Exception {
    DockerConfig docker = config(engine.uri(), stranger.caCert(), ecClient.cert(), ecClient.key());
    SSLConfig tls = EngineTls.sslConfig(docker);

    IOException failure = failureOf(docker, tls);

    assertThat(EngineTls.diagnose(failure, docker, tls, TIMEOUT))
        .contains(
            "engine at "
                + engine.uri()
                + ": engine certificate not signed by docker.tls.ca "
                + stranger.caCert());
  }

  @Test
  void connect_clientCertificateOfAnotherCa_isNamed() throws Exception {
    Issued outsider = stranger.issue("outsider", KeyType.EC_P256);
    DockerConfig docker = config(engine.uri(), pki.caCert(), outsider.cert(), outsider.key());
    SSLConfig tls = EngineTls.sslConfig(docker);

    IOException failure = failureOf(docker, tls);

    assertThat(EngineTls.diagnose(failure, docker, tls, TIMEOUT))
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .startsWith(
                        "engine at "
                            + engine.uri()
                            + ": engine did not ask for / accept our client certificate"
                            + " docker.tls.cert "
                            + outsider.cert()));
  }

  @Test
  void connect_plainHttpToTheTlsPort_isRefusedByTheEngineAndByOurRule() {
    DockerConfig withoutTls = new DockerConfig(engine.uri(), null, TIMEOUT);

    assertThatThrownBy(() -> HttpEngineClient.connect(engine.uri(), null, TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessage("engine answered HTTP 400 to GET /version");
    assertThatThrownBy(() -> EngineTls.sslConfig(withoutTls))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("reached only over mutual TLS");
  }

  private static IOException failureOf(DockerConfig docker, SSLConfig tls) {
    try (HttpEngineClient unexpected = HttpEngineClient.connect(docker.host(), tls, TIMEOUT)) {
      throw new AssertionError("connected with " + docker.tls() + ": " + unexpected.apiVersion());
    } catch (IOException e) {
      return e;
    }
  }

  private static boolean answers(DockerConfig docker) {
    try (HttpEngineClient client =
        HttpEngineClient.connect(docker.host(), EngineTls.sslConfig(docker), TIMEOUT)) {
      client.ping();
      return true;
    } catch (IOException | ConfigException e) {
      return false;
    }
  }

  private static DockerConfig config(URI host, Path ca, Path cert, Path key) {
    return new DockerConfig(host, new DockerConfig.Tls(ca, cert, key), TIMEOUT);
  }
}
