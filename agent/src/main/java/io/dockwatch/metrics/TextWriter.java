package io.dockwatch.metrics;

import io.dockwatch.metrics.Families.Entry;
import io.dockwatch.metrics.Families.Point;
import io.dockwatch.metrics.Renderer.Format;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes sampled families in the text format 0.0.4 or OpenMetrics, line for line as the Prometheus
 * client's writers do, without building the client's model first: that model sorts every family's
 * data points by their labels, which at hundreds of containers was most of a collection round's
 * work. Series come in the order they were sampled; the formats leave that order free.
 *
 * <p>A label set is written once and its text kept for as long as the samplers hand out the same
 * {@link Labels} instance, which they do for a container whose labels did not change: text of the
 * previous rendering not used again in this one is forgotten. Safe for one thread at a time; {@link
 * #write} is synchronized for the rare scrape that asks for a format first.
 */
final class TextWriter {
  private Map<Labels, byte[]> previous = new IdentityHashMap<>();
  private Map<Labels, byte[]> current = new IdentityHashMap<>();
  private final Map<MetricFamily, byte[][]> headers = new IdentityHashMap<>();

  synchronized void write(Families families, Format format, ByteArrayOutputStream out) {
    for (Entry e : families.entries()) {
      MetricFamily family = e.family();
      byte[][] h = headers.computeIfAbsent(family, TextWriter::header);
      out.writeBytes(h[format.ordinal()]);
      byte[] name = h[Format.values().length];
      for (Point p : e.points()) {
        out.writeBytes(name);
        out.writeBytes(labels(p.labels()));
        out.write(' ');
        out.writeBytes(value(p.value()));
        out.write('\n');
      }
    }
    previous = current;
    current = new IdentityHashMap<>(previous.size() + 16);
  }

  private byte[] labels(Labels labels) {
    byte[] text = current.get(labels);
    if (text == null) {
      text = previous.get(labels);
      if (text == null) {
        text = utf8(labelText(labels));
      }
      current.put(labels, text);
    }
    return text;
  }

  static String labelText(Labels labels) {
    if (labels.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(256).append('{');
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(labels.getPrometheusName(i)).append("=\"");
      escape(labels.getValue(i), true, b);
      b.append('"');
    }
    return b.append('}').toString();
  }

  /** The headers of a family in each format, then the name its data points are written with. */
  private static byte[][] header(MetricFamily family) {
    String name = family.name();
    String base =
        family.type() == MetricFamily.Type.COUNTER
            ? name.substring(0, name.length() - "_total".length())
            : name;
    String type =
        switch (family.type()) {
          case COUNTER -> "counter";
          case GAUGE -> "gauge";
          case UNTYPED -> "untyped";
        };
    StringBuilder help = new StringBuilder();
    escape(family.help(), false, help);
    String text = "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
    StringBuilder omHelp = new StringBuilder();
    escape(family.help(), true, omHelp);
    String openMetricsType = family.type() == MetricFamily.Type.UNTYPED ? "unknown" : type;
    String openMetrics =
        "# TYPE " + base + " " + openMetricsType + "\n# HELP " + base + " " + omHelp + "\n";
    return new byte[][] {utf8(text), utf8(openMetrics), utf8(name)};
  }

  private static void escape(String s, boolean quotes, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '"' -> out.append(quotes ? "\\\"" : "\"");
        default -> out.append(c);
      }
    }
  }

  private static byte[] value(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return utf8("+Inf");
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return utf8("-Inf");
    }
    return utf8(Double.toString(v));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
