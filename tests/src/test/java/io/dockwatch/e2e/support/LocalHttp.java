package io.dockwatch.e2e.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Plain HTTP GETs against 127.0.0.1, as a Prometheus scraper or a health probe sends them. */
final class LocalHttp {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  HttpReply get(int port, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      return new HttpReply(response.statusCode(), type, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET 127.0.0.1:" + port + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + path, e);
    }
  }

  /** Polls until a reply satisfies {@code until}; refused connections count as not yet. */
  HttpReply awaitGet(int port, String path, Predicate<HttpReply> until, Duration timeout) {
    return await("GET 127.0.0.1:" + port + path)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptionsInstanceOf(UncheckedIOException.class)
        .until(() -> get(port, path), until);
  }
}
