package io.dockwatch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwatch.config.ConfigException;
import io.dockwatch.config.HttpConfig;
import io.dockwatch.tls.TestPki;
import io.dockwatch.tls.TestPki.Encoding;
import io.dockwatch.tls.TestPki.Issued;
import io.dockwatch.tls.TestPki.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint behind TLS and basic authentication, scraped over real connections. */
class HttpEndpointSecurityTest {
  private static final String HASH = BasicAuthTest.hash("correct horse");

  @TempDir static Path dir;
  static TestPki pki;
  static Issued server;

  private HttpEndpoint endpoint;
  private String scheme;

  @BeforeAll
  static void issue() {
    TestPki.assumeOpenssl();
    pki = TestPki.create(dir, "ca");
    server = pki.issue("server", KeyType.EC_P256);
  }

  @AfterEach
  void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void tls_clientTrustingTheCa_scrapesOverHttps() throws Exception {
    start(tls(server.cert(), server.key(), Map.of()));

    HttpResponse<String> response = https().send(request("/metrics", null), body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("dockwatch_up 1");
  }

  @Test
  void start_setsNoDelay_soKeptAliveScrapesDoNotWaitForDelayedAcks() throws Exception {
    start(tls(server.cert(), server.key(), Map.of()));

    // Without TCP_NODELAY a kept-alive HTTPS scrape waits for the client's delayed ACK (40 ms
    // on Linux); bench/ measures the effect, this pins the setting that removes it.
    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("3");
  }

  @Test
  void tls_rsaKeyInPkcs1_serves() throws Exception {
    Issued rsa = pki.issue("server-rsa", KeyType.RSA_2048);
    start(tls(rsa.cert(), pki.encode(rsa.key(), Encoding.TRADITIONAL), Map.of()));

    HttpResponse<String> response = https().send(request("/healthz", null), body());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void tls_plainHttpRequest_getsNoAnswer() throws Exception {
    start(tls(server.cert(), server.key(), Map.of()));
    HttpRequest plain =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/metrics")).build();

    assertThatThrownBy(() -> plainClient().send(plain, body())).isInstanceOf(IOException.class);
  }

  @Test
  void tls_encryptedKey_failsAtStartNamingHttpTlsKey() {
    Path encrypted = pki.encode(server.key(), Encoding.ENCRYPTED_PKCS8);
    endpoint =
        new HttpEndpoint(
            tls(server.cert(), encrypted, Map.of()),
            FakeSources.Metrics.working(),
            FakeSources.health(),
            Clock.systemUTC());

    assertThatThrownBy(endpoint::start)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("http.tls.key " + encrypted + ": the key is encrypted");
  }

  @Test
  void basicAuth_rightPassword_passes() throws Exception {
    start(plain(Map.of("prometheus", HASH)));

    HttpResponse<String> response =
        plainClient().send(request("/metrics", basic("prometheus", "correct horse")), body());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void basicAuth_wrongPassword_answers401WithChallenge() throws Exception {
    start(plain(Map.of("prometheus", HASH)));

    HttpResponse<String> response =
        plainClient().send(request("/metrics", basic("prometheus", "battery staple")), body());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Basic realm=\"dockwatch\", charset=\"UTF-8\"");
  }

  @Test
  void basicAuth_missingHeader_answers401WithChallenge() throws Exception {
    start(plain(Map.of("prometheus", HASH)));

    HttpResponse<String> response = plainClient().send(request("/healthz", null), body());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void basicAuth_overTls_passes() throws Exception {
    start(tls(server.cert(), server.key(), Map.of("prometheus", HASH)));

    HttpResponse<String> response =
        https().send(request("/metrics", basic("prometheus", "correct horse")), body());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  private void start(HttpConfig config) throws Exception {
    scheme = config.tlsCert() == null ? "http" : "https";
    endpoint =
        new HttpEndpoint(
            config, FakeSources.Metrics.working(), FakeSources.health(), Clock.systemUTC());
    endpoint.start();
  }

  private static HttpConfig tls(Path cert, Path key, Map<String, String> users) {
    return new HttpConfig(new InetSocketAddress("127.0.0.1", 0), cert, key, users);
  }

  private static HttpConfig plain(Map<String, String> users) {
    return new HttpConfig(new InetSocketAddress("127.0.0.1", 0), null, null, users);
  }

  private int port() {
    return endpoint.address().getPort();
  }

  private HttpRequest request(String path, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port() + path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.build();
  }

  /** One GET on a kept-alive connection; returns the response head, having read the body. */
  private static String scrapeOnce(SSLSocket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after " + head);
      }
      head.append((char) b);
    }
    Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    if (!length.find()) {
      throw new IOException("no Content-Length in " + head);
    }
    in.readNBytes(Integer.parseInt(length.group(1)));
    return head.toString();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpClient https() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(pki.trustingClient())
        .build();
  }

  private static HttpClient plainClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
