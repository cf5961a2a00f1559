package io.dockwatch.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import com.github.dockerjava.transport.SSLConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine over its HTTP API, through docker-java's Apache HttpClient 5 transport (unix socket,
 * or TCP with mutual TLS). The agent reads the engine's JSON itself rather than through a typed
 * model, so that it sees every field a new engine adds and tests can replay captured JSON.
 */
public final class HttpEngineClient implements EngineClient {
  /** The newest API version the agent has been checked against; newer engines speak it too. */
  static final String MAX_API = "1.47";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENT_FILTER = "{\"type\":[\"container\",\"daemon\"]}";

  private final DockerHttpClient requests;
  private final DockerHttpClient stream;
  private final String prefix;

  private HttpEngineClient(DockerHttpClient requests, DockerHttpClient stream, String prefix) {
    this.requests = requests;
    this.stream = stream;
    this.prefix = prefix;
  }

  /**
   * Connects and negotiates the API version: the engine's own, capped at {@link #MAX_API}.
   *
   * @param tls the client's TLS context for a TCP engine, or {@code null} for a unix socket
   */
  public static HttpEngineClient connect(URI host, SSLConfig tls, Duration timeout)
      throws IOException {
    URI target = "https".equals(host.getScheme()) ? tcp(host) : host;
    DockerHttpClient requests = build(target, tls, timeout, 8);
    DockerHttpClient stream = build(target, tls, null, 2);
    JsonNode version = get(requests, "/version");
    String api = lower(version.path("ApiVersion").asText(MAX_API), MAX_API);
    return new HttpEngineClient(requests, stream, "/v" + api);
  }

  private static URI tcp(URI https) {
    return URI.create("tcp://" + https.getHost() + ":" + https.getPort());
  }

  private static DockerHttpClient build(URI host, SSLConfig tls, Duration timeout, int max) {
    ApacheDockerHttpClient.Builder b =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(host)
            .sslConfig(tls)
            .maxConnections(max)
            .connectionTimeout(Duration.ofSeconds(5));
    if (timeout != null) {
      b.responseTimeout(timeout);
    }
    return b.build();
  }

  /** The API version this client speaks, such as {@code 1.47}. */
  public String apiVersion() {
    return prefix.substring(2);
  }

  @Override
  public void ping() throws IOException {
    try (Response r = execute(requests, "/_ping")) {
      if (r.getStatusCode() != 200) {
        throw new IOException("engine ping answered HTTP " + r.getStatusCode());
      }
    }
  }

  @Override
  public JsonNode version() throws IOException {
    return get(requests, prefix + "/version");
  }

  @Override
  public JsonNode info() throws IOException {
    return get(requests, prefix + "/info");
  }

  @Override
  public List<String> containerIds() throws IOException {
    List<String> ids = new ArrayList<>();
    for (JsonNode c : get(requests, prefix + "/containers/json?all=1")) {
      ids.add(c.path("Id").asText());
    }
    return ids;
  }

  @Override
  public Optional<ContainerSnapshot> inspect(String id) throws IOException {
    return getOptional(prefix + "/containers/" + enc(id) + "/json").map(SnapshotParser::parse);
  }

  @Override
  public List<String> processes(String id) throws IOException {
    Optional<JsonNode> top = getOptional(prefix + "/containers/" + enc(id) + "/top?ps_args=-ef");
    List<String> out = new ArrayList<>();
    if (top.isEmpty()) {
      return out;
    }
    JsonNode titles = top.get().path("Titles");
    int cmd = titles.size() - 1;
    for (int i = 0; i < titles.size(); i++) {
      if ("CMD".equals(titles.get(i).asText()) || "COMMAND".equals(titles.get(i).asText())) {
        cmd = i;
      }
    }
    for (JsonNode p : top.get().path("Processes")) {
      out.add(p.path(cmd).asText(""));
    }
    return out;
  }

  @Override
  public Optional<JsonNode> stats(String id) throws IOException {
    // one-shot: no second reading to compute a CPU percentage, which the agent does not need
    return getOptional(prefix + "/containers/" + enc(id) + "/stats?stream=false&one-shot=true");
  }

  @Override
  public Optional<JsonNode> exec(String execId) throws IOException {
    return getOptional(prefix + "/exec/" + enc(execId) + "/json");
  }

  @Override
  public EventSubscription events(Consumer<EngineEvent> sink, Consumer<Throwable> ended)
      throws IOException {
    Response r = execute(stream, prefix + "/events?filters=" + enc(EVENT_FILTER));
    if (r.getStatusCode() != 200) {
      int code = r.getStatusCode();
      r.close();
      throw new IOException("engine refused the event stream: HTTP " + code);
    }
    InputStream body = r.getBody();
    Thread reader =
        new Thread(
            () -> {
              Throwable cause = null;
              try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(body)) {
                while (it.hasNextValue()) {
                  sink.accept(EngineEvent.parse(it.nextValue()));
                }
              } catch (IOException | RuntimeException e) {
                cause = e;
              } finally {
                r.close();
                ended.accept(cause);
              }
            },
            "engine-events");
    reader.setDaemon(true);
    reader.start();
    return r::close;
  }

  @Override
  public void close() throws IOException {
    try {
      stream.close();
    } finally {
      requests.close();
    }
  }

  private Optional<JsonNode> getOptional(String path) throws IOException {
    try (Response r = execute(requests, path)) {
      if (r.getStatusCode() == 404) {
        return Optional.empty();
      }
      return Optional.of(read(r, path));
    }
  }

  private static JsonNode get(DockerHttpClient client, String path) throws IOException {
    try (Response r = execute(client, path)) {
      return read(r, path);
    }
  }

  private static JsonNode read(Response r, String path) throws IOException {
    if (r.getStatusCode() / 100 != 2) {
      throw new IOException("engine answered HTTP " + r.getStatusCode() + " to GET " + path);
    }
    try (InputStream in = r.getBody()) {
      return JSON.readTree(in);
    }
  }

  private static Response execute(DockerHttpClient client, String path) throws IOException {
    try {
      return client.execute(Request.builder().method(Request.Method.GET).path(path).build());
    } catch (RuntimeException e) {
      // The transport wraps socket failures in unchecked exceptions; the engine being away is
      // an environment fault that callers handle, so it travels as IOException.
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IOException("engine not reachable: " + cause.getMessage(), e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The lower of two dotted API versions. */
  static String lower(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
      int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (xi != yi) {
        return xi < yi ? a : b;
      }
    }
    return a;
  }
}
