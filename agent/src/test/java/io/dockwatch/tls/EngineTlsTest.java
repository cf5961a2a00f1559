package io.dockwatch.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.transport.SSLConfig;
import io.dockwatch.config.ConfigException;
import io.dockwatch.config.DockerConfig;
import io.dockwatch.docker.HttpEngineClient;
import io.dockwatch.tls.TestPki.Issued;
import io.dockwatch.tls.TestPki.KeyType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTlsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir static Path dir;
  static TestPki pki;
  static TestPki stranger;
  static Issued engine;
  static Issued client;

  @BeforeAll
  static void issue() {
    TestPki.assumeOpenssl();
    pki = TestPki.create(dir, "ca");
    stranger = TestPki.create(dir, "stranger");
    engine = pki.issue("engine", KeyType.EC_P256);
    client = pki.issue("client", KeyType.RSA_2048);
  }

  @Test
  void sslConfig_unixSocket_isNull() throws Exception {
    DockerConfig docker = new DockerConfig(URI.create("unix:///run/docker.sock"), null, TIMEOUT);

    assertThat(EngineTls.sslConfig(docker)).isNull();
  }

  @Test
  void sslConfig_tcpWithoutTls_refusesNamingDockerHost() {
    DockerConfig docker = new DockerConfig(URI.create("tcp://127.0.0.1:2376"), null, TIMEOUT);

    assertThatThrownBy(() -> EngineTls.sslConfig(docker))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "docker.host: \"tcp://127.0.0.1:2376\" is a TCP engine, reached"
                + " only over mutual TLS");
  }

  @Test
  void sslConfig_tcpWithTls_reachesAnEngineThatRequiresOurCertificate() throws Exception {
    try (FakeEngine fake = FakeEngine.mutualTls(engineContext(pki))) {
      DockerConfig docker = config(fake.uri(), pki.caCert());

      try (HttpEngineClient connected =
          HttpEngineClient.connect(fake.uri(), EngineTls.sslConfig(docker), TIMEOUT)) {

        assertThat(connected.apiVersion()).isEqualTo("1.45");
      }
    }
  }

  @Test
  void explain_engineCertificateFromAnotherCa_namesDockerTlsCa() throws Exception {
    try (FakeEngine fake = FakeEngine.mutualTls(engineContext(pki))) {
      DockerConfig docker = config(fake.uri(), stranger.caCert());

      IOException failure = connectFailure(docker);

      assertThat(EngineTls.explain(failure, docker))
          .contains(
              "engine at "
                  + fake.uri()
                  + ": engine certificate not signed by docker.tls.ca "
                  + stranger.caCert());
    }
  }

  @Test
  void explain_engineCertificateForAnotherName_namesTheMismatch() throws Exception {
    Issued elsewhere = pki.issue("elsewhere", KeyType.EC_P256, "DNS:elsewhere.invalid");
    SSLContext context = context(pki.caCert(), elsewhere);
    try (FakeEngine fake = FakeEngine.mutualTls(context)) {
      DockerConfig docker = config(fake.uri(), pki.caCert());

      IOException failure = connectFailure(docker);

      assertThat(EngineTls.explain(failure, docker))
          .hasValueSatisfying(
              m -> assertThat(m).contains("engine certificate does not name 127.0.0.1"));
    }
  }

  @Test
  void explain_engineTrustsAnotherCa_namesOurClientCertificate() throws Exception {
    try (FakeEngine fake = FakeEngine.mutualTls(engineContext(stranger))) {
      DockerConfig docker = config(fake.uri(), pki.caCert());

      IOException failure = connectFailure(docker);

      assertThat(EngineTls.diagnose(failure, docker, EngineTls.sslConfig(docker), TIMEOUT))
          .hasValueSatisfying(
              m ->
                  assertThat(m)
                      .contains(
                          "engine did not ask for / accept our client certificate docker.tls.cert "
                              + client.cert()));
    }
  }

  @Test
  void diagnose_silentPlainHttpPort_saysTheEngineDidNotAnswerTls() throws Exception {
    Duration shortly = Duration.ofMillis(300);
    try (FakeEngine fake = FakeEngine.silentPlain()) {
      DockerConfig docker = config(fake.uri(), pki.caCert());
      // What the HTTP client reports for a port that never answers its greeting, after its own
      // connect timeout; the bare timeout names nothing, so the diagnosis has to probe.
      IOException failure = new IOException("engine not reachable: Read timed out");

      Optional<String> diagnosis =
          EngineTls.diagnose(failure, docker, EngineTls.sslConfig(docker), shortly);

      assertThat(diagnosis)
          .contains(
              "engine at "
                  + fake.uri()
                  + ": the engine did not answer a TLS handshake (no TLS handshake within 300 ms);"
                  + " is this a plain HTTP port?");
    }
  }

  @Test
  void explain_plainHttpPort_saysTheEngineDoesNotSpeakTls() throws Exception {
    try (FakeEngine fake = FakeEngine.plain()) {
      DockerConfig docker = config(fake.uri(), pki.caCert());

      IOException failure = connectFailure(docker);

      assertThat(EngineTls.explain(failure, docker))
          .contains(
              "engine at "
                  + fake.uri()
                  + ": the engine does not speak TLS on this port (a plain HTTP listener?);"
                  + " the agent reaches TCP engines only over TLS");
    }
  }

  @Test
  void explain_refusedConnection_isEmpty() {
    DockerConfig docker = config(URI.create("tcp://127.0.0.1:1"), pki.caCert());

    assertThat(EngineTls.explain(new ConnectException("Connection refused"), docker)).isEmpty();
  }

  private static IOException connectFailure(DockerConfig docker) throws ConfigException {
    SSLConfig tls = EngineTls.sslConfig(docker);
    try (HttpEngineClient unexpected = HttpEngineClient.connect(docker.host(), tls, TIMEOUT)) {
      throw new AssertionError("connected to " + docker.host() + " " + unexpected.apiVersion());
    } catch (IOException e) {
      return e;
    }
  }

  private static DockerConfig config(URI host, Path ca) {
    return new DockerConfig(host, new DockerConfig.Tls(ca, client.cert(), client.key()), TIMEOUT);
  }

  /**
   * An engine identity from {@code pki}'s engine certificate, trusting clients of {@code trusted}.
   */
  private static SSLContext engineContext(TestPki trusted) throws Exception {
    return context(trusted.caCert(), engine);
  }

  private static SSLContext context(Path trustedCa, Issued identity) throws Exception {
    // The client context holds exactly what a mutual TLS server needs too: one identity and one
    // trusted CA, so the fake engine borrows it.
    return TlsContexts.engineClient(
            new DockerConfig.Tls(trustedCa, identity.cert(), identity.key()))
        .getSSLContext();
  }
}
