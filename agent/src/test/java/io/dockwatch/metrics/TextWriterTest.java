package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.metrics.Renderer.Format;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextWriterTest {
  private static final MetricFamily ODD_GAUGE =
      MetricFamily.gauge("demo_odd", "Help with a \\ backslash and \"quotes\".");
  private static final MetricFamily COUNTER =
      MetricFamily.counter("demo_events_total", "Events demo saw.");
  private static final MetricFamily UNTYPED =
      MetricFamily.untyped("demo_vmstat", "A value of unknown kind.");

  @Test
  void write_oddValuesAndLabels_matchesThePrometheusClientsWritersInBothFormats()
      throws IOException {
    Families families = new Families();
    families.add(COUNTER, Labels.EMPTY, 1.5e12);
    families.add(ODD_GAUGE, Labels.of("name", "inf"), Double.POSITIVE_INFINITY);
    families.add(ODD_GAUGE, Labels.of("name", "ninf"), Double.NEGATIVE_INFINITY);
    families.add(ODD_GAUGE, Labels.of("name", "quote\" back\\ nl\n ünï"), Double.NaN);
    families.add(UNTYPED, Labels.of("a", "1", "b", "2"), -0.0);

    for (Format format : Format.values()) {
      assertThat(ours(families, format)).as(format.name()).isEqualTo(theirs(families, format));
    }
  }

  @Test
  void write_sameLabelsInstanceNextRound_writesItsValueAnew() {
    TextWriter writer = new TextWriter();
    Labels labels = Labels.of("id", "/docker/a");
    Families first = new Families();
    first.add(ODD_GAUGE, labels, 1);
    Families second = new Families();
    second.add(ODD_GAUGE, labels, 2);

    write(writer, first, Format.TEXT);
    String text = write(writer, second, Format.TEXT);

    assertThat(text).endsWith("demo_odd{id=\"/docker/a\"} 2.0\n");
  }

  private static String ours(Families families, Format format) {
    return write(new TextWriter(), families, format);
  }

  private static String write(TextWriter writer, Families families, Format format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(families, format, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The client's writers sort families by name; each family here has one data point or is sorted.
   */
  private static String theirs(Families families, Format format) throws IOException {
    ExpositionFormats formats = ExpositionFormats.init();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    (format == Format.TEXT
            ? formats.getPrometheusTextFormatWriter()
            : formats.getOpenMetricsTextFormatWriter())
        .write(out, families.build());
    String text = out.toString(StandardCharsets.UTF_8);
    return text.endsWith("# EOF\n") ? text.substring(0, text.length() - 6) : text;
  }
}
