package io.dockwatch.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

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
    public Body expose(String accept, boolean gzip) throws IOException {
      if (failure != null) {
        throw failure;
      }
      boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
      String text = "# accept " + accept + "\ndockwatch_up 1\n" + (openMetrics ? "# EOF\n" : "");
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (gzip) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
          out.write(bytes);
        }
        bytes = packed.toByteArray();
      }
      return new Fixed(openMetrics ? OPENMETRICS : PROMETHEUS, gzip, bytes);
    }
  }

  private record Fixed(String contentType, boolean gzipped, byte[] bytes)
      implements MetricsSource.Body {
    @Override
    public long length() {
      return bytes.length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(bytes);
    }
  }

  /** A health that is whatever the test set. */
  static HealthSource health(String... problems) {
    HealthSource.Health now = new HealthSource.Health(List.of(problems));
    return () -> now;
  }
}
