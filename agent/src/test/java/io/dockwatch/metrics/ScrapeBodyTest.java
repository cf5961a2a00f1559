package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.metrics.Renderer.Format;
import io.dockwatch.metrics.Renderer.Part;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ScrapeBodyTest {
  private static final MetricFamily UP = MetricFamily.gauge("demo_up", "Whether demo is up.");
  private static final MetricFamily SEEN =
      MetricFamily.counter("demo_seen_total", "Things demo saw.");

  private final Renderer renderer = new Renderer();

  @Test
  void gzip_severalPartsOneEmpty_decodesToThePlainBodyAndStatesItsLength() throws IOException {
    List<Part> sampled =
        List.of(part(UP, 400, Format.TEXT), Part.EMPTY, part(SEEN, 3000, Format.TEXT));
    Part live = renderer.last(snapshots(UP, 1), Format.TEXT);

    ScrapeBody plain = ScrapeBody.plain("text/plain", sampled, live);
    ScrapeBody gzip = ScrapeBody.gzip("text/plain", sampled, live);

    byte[] packed = bytes(gzip);
    assertThat(gzip.gzipped()).isTrue();
    assertThat(packed).hasSize((int) gzip.length());
    assertThat(gunzip(packed)).isEqualTo(bytes(plain));
    assertThat(packed.length).isLessThan(bytes(plain).length / 4);
  }

  @Test
  void gzip_samePartsScrapedTwice_compressesTheSampledPartOnce() {
    Part sampled = part(SEEN, 100, Format.TEXT);

    byte[] first = sampled.deflated();
    ScrapeBody.gzip("text/plain", List.of(sampled), Part.EMPTY);

    assertThat(sampled.deflated()).isSameAs(first);
  }

  @Test
  void plain_openMetrics_endsWithTheLivePartsEof() throws IOException {
    Part sampled = part(UP, 3, Format.OPEN_METRICS);
    Part live = renderer.last(snapshots(SEEN, 1), Format.OPEN_METRICS);

    String text = new String(bytes(ScrapeBody.plain("x", List.of(sampled), live)), UTF8);

    assertThat(text).containsOnlyOnce("# EOF\n").endsWith("# EOF\n").startsWith("# TYPE demo_up");
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private Part part(MetricFamily family, int series, Format format) {
    return renderer.part(families(family, series), format, 0, new TextWriter(), null);
  }

  private static Families families(MetricFamily family, int series) {
    Families out = new Families();
    for (int i = 0; i < series; i++) {
      out.add(family, Labels.of("id", "/docker/" + i, "name", "c" + i), i);
    }
    return out;
  }

  private static MetricSnapshots snapshots(MetricFamily family, int series) {
    return families(family, series).build();
  }

  private static byte[] bytes(ScrapeBody body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] packed) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
      return in.readAllBytes();
    }
  }
}
