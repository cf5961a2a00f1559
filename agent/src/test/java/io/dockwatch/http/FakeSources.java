package io.dockwatch.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Hand-written stand-ins for what the endpoint serves. */
final class FakeSources {
  static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private FakeSources() {}

  /** Answers in OpenMetrics when asked, and echoes the Accept header it saw into the body. */
  static final class Metrics implements MetricsSource {
    private final IOException failure;

    Metrics(IOException failure) {
      this.failure = failure;
    }

    static Metrics working() {
      return new Metrics(null);
    }

    static Metrics failing(String why) {
      return new Metrics(new IOException(why));
    }

    @Override
    public String contentType(String accept) {
      return accept != null && accept.contains("application/openmetrics-text")
          ? OPENMETRICS
          : PROMETHEUS;
    }

    @Override
    public void write(String accept, OutputStream out) throws IOException {
      if (failure != null) {
        throw failure;
      }
      String body = "# accept " + accept + "\ndockwatch_up 1\n";
      if (contentType(accept).equals(OPENMETRICS)) {
        body += "# EOF\n";
      }
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A health that is whatever the test set. */
  static HealthSource health(String... problems) {
    HealthSource.Health now = new HealthSource.Health(List.of(problems));
    return () -> now;
  }
}
