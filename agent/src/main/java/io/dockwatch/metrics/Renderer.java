package io.dockwatch.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two exposition formats {@code /metrics} speaks, written by the Prometheus client's own
 * writers: the text format 0.0.4, and OpenMetrics when the scraper's {@code Accept} header asks for
 * it. Protocol buffers are not offered; the text formats carry everything this agent exposes.
 */
final class Renderer {
  private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

  /** The formats, in the order a scraper's preference is checked. */
  enum Format {
    TEXT,
    OPEN_METRICS
  }

  private final ExpositionFormatWriter text;
  private final ExpositionFormatWriter openMetrics;

  Renderer() {
    ExpositionFormats formats = ExpositionFormats.init();
    this.text = formats.getPrometheusTextFormatWriter();
    this.openMetrics = formats.getOpenMetricsTextFormatWriter();
  }

  Format format(String accept) {
    return accept != null && openMetrics.accepts(accept) ? Format.OPEN_METRICS : Format.TEXT;
  }

  ExpositionFormatWriter writer(Format format) {
    return format == Format.TEXT ? text : openMetrics;
  }

  /**
   * The families in {@code format}, without OpenMetrics' closing {@code # EOF} line, so that
   * several such parts and a final complete one can follow each other in one answer.
   *
   * @param sizeHint the size of the previous rendering, so that the buffer grows once at most
   */
  Part part(MetricSnapshots snapshots, Format format, int sizeHint) {
    Buffer out = new Buffer(sizeHint + sizeHint / 8 + 256);
    try {
      writer(format).write(out, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.part();
  }

  /** Rendered families, ready to be copied into any number of answers. */
  static final class Part {
    static final Part EMPTY = new Part(new byte[0], 0);

    private final byte[] bytes;
    private final int length;

    private Part(byte[] bytes, int length) {
      this.bytes = bytes;
      this.length = length;
    }

    int length() {
      return length;
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(bytes, 0, length);
    }

    @Override
    public String toString() {
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
  }

  /** A stream whose array becomes the part as is, saving a copy of megabytes per rendering. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer(int size) {
      super(size);
    }

    Part part() {
      int length = count;
      if (length >= EOF.length
          && Arrays.equals(buf, length - EOF.length, length, EOF, 0, EOF.length)) {
        length -= EOF.length;
      }
      return new Part(buf, length);
    }
  }
}
