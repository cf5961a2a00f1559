package io.dockwatch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwatch.config.HttpConfig;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {
  private static final HttpConfig LOOPBACK =
      new HttpConfig(new InetSocketAddress("127.0.0.1", 0), null, null, Map.of());

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpEndpoint endpoint;

  @AfterEach
  void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void metrics_get_servesTheSourcesExpositionWithItsContentType() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());

    HttpResponse<String> response = get("/metrics", Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(FakeSources.PROMETHEUS);
    assertThat(response.body()).isEqualTo("# accept null\ndockwatch_up 1\n");
  }

  @Test
  void metrics_acceptOpenMetrics_passesTheHeaderToTheSource() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());
    String accept =
        "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    HttpResponse<String> response = get("/metrics", Map.of("Accept", accept));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(FakeSources.OPENMETRICS);
    assertThat(response.body()).isEqualTo("# accept " + accept + "\ndockwatch_up 1\n# EOF\n");
  }

  @Test
  void metrics_scraperAcceptsGzip_answersAGzipBodyOfTheExposition() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());
    HttpRequest request =
        HttpRequest.newBuilder(uri("/metrics")).header("Accept-Encoding", "gzip").build();

    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(response.headers().firstValue("Vary")).contains("Accept-Encoding");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("# accept null\ndockwatch_up 1\n");
    }
  }

  @Test
  void metrics_scraperRefusesGzip_answersPlainText() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());

    HttpResponse<String> response = get("/metrics", Map.of("Accept-Encoding", "gzip;q=0, *"));

    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(response.body()).isEqualTo("# accept null\ndockwatch_up 1\n");
  }

  @Test
  void metrics_head_answersHeadersWithoutBody() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());

    HttpResponse<String> response = send("HEAD", "/metrics", Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(FakeSources.PROMETHEUS);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void metrics_sourceThrows_answers500() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.failing("cgroup file vanished"), FakeSources.health());

    HttpResponse<String> response = get("/metrics", Map.of());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .isEqualTo("metrics collection failed; the agent's log has the cause\n");
  }

  @Test
  void healthz_healthy_answers200Ok() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());

    HttpResponse<String> response = get("/healthz", Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok\n");
  }

  @Test
  void healthz_unhealthy_answers503WithOneReasonPerLine() throws Exception {
    start(
        LOOPBACK,
        FakeSources.Metrics.working(),
        FakeSources.health("engine not reachable since 12:00:03", "fluentd buffer 93% full"));

    HttpResponse<String> response = get("/healthz", Map.of());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .isEqualTo("engine not reachable since 12:00:03\nfluentd buffer 93% full\n");
  }

  @Test
  void otherPath_answers404() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());

    HttpResponse<String> response = get("/metrics/../etc/passwd", Map.of());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void post_answers405NamingTheAllowedMethods() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());

    HttpResponse<String> response = send("POST", "/metrics", Map.of());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
  }

  @Test
  void metrics_bothThreadsHeldByHalfSentRequests_answersOnceTheyTimeOut() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Socket s = new Socket("127.0.0.1", endpoint.address().getPort());
      s.getOutputStream().write("GET /metr".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      stalled.add(s);
    }

    HttpResponse<String> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(uri("/metrics")).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void start_loopbackConfig_bindsLoopbackOnly() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());

    InetSocketAddress bound = endpoint.address();

    assertThat(bound.getAddress().isLoopbackAddress()).isTrue();
    assertThat(bound.getPort()).isPositive();
  }

  @Test
  void start_portTaken_failsNamingHttpListen() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());
    HttpConfig same = new HttpConfig(endpoint.address(), null, null, Map.of());
    HttpEndpoint second =
        new HttpEndpoint(
            same, FakeSources.Metrics.working(), FakeSources.health(), Clock.systemUTC());

    assertThatThrownBy(second::start)
        .isInstanceOf(java.io.IOException.class)
        .hasMessageStartingWith("http.listen: cannot listen on " + endpoint.address());
  }

  @Test
  void close_thenStartAgain_servesAgain() throws Exception {
    start(LOOPBACK, FakeSources.Metrics.working(), FakeSources.health());
    endpoint.close();

    endpoint.start();

    assertThat(get("/healthz", Map.of()).statusCode()).isEqualTo(200);
  }

  private void start(HttpConfig config, MetricsSource metrics, HealthSource health)
      throws Exception {
    endpoint = new HttpEndpoint(config, metrics, health, Clock.systemUTC());
    endpoint.start();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + endpoint.address().getPort() + path);
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    return send("GET", path, headers);
  }

  private HttpResponse<String> send(String method, String path, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.ofString("ignored"));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
