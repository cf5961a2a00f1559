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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The two exposition formats {@code /metrics} speaks, written by the Prometheus client's own
 * writers: the text format 0.0.4, and OpenMetrics when the scraper's {@code Accept} header asks for
 * it. Protocol buffers are not offered; the text formats carry everything this agent exposes.
 */
final class Renderer {
  private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final int SLICE = 64 * 1024;

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
   * Sampled families in {@code format}, written by {@code writer}, without OpenMetrics' closing
   * {@code # EOF} line, so that several such parts and a final complete one can follow each other
   * in one answer.
   *
   * @param sizeHint the size of the previous rendering, so that the buffer grows once at most
   * @param pool where the array comes from and goes back to once the part is released for good, or
   *     null for an array of its own
   */
  Part part(Families families, Format format, int sizeHint, TextWriter writer, BufferPool pool) {
    int size = sizeHint + sizeHint / 8 + 256;
    Buffer out = new Buffer(pool == null ? new byte[size] : pool.take(sizeHint, size));
    writer.write(families, format, out);
    return out.part(true, pool);
  }

  /** The families in {@code format} as the end of an answer: OpenMetrics' {@code # EOF} kept. */
  Part last(MetricSnapshots snapshots, Format format) {
    return render(snapshots, format).part(false, null);
  }

  private Buffer render(MetricSnapshots snapshots, Format format) {
    Buffer out = new Buffer(new byte[256]);
    try {
      writer(format).write(out, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out;
  }

  /**
   * Writes {@code bytes} in slices: the JDK's server copies every write into a buffer of the
   * write's size, and the socket into a per-thread native buffer it keeps at the largest size seen,
   * so one write of megabytes would leave megabytes of native memory behind on each server thread.
   */
  static void writeSliced(OutputStream out, byte[] bytes, int length) throws IOException {
    for (int at = 0; at < length; at += SLICE) {
      out.write(bytes, at, Math.min(SLICE, length - at));
    }
  }

  /**
   * Rendered families, ready to be copied into any number of answers, and compressed once for all
   * the answers that ask for gzip.
   *
   * <p>A part is held: by the sample it belongs to, and by each answer that writes it out. The last
   * to {@link #release} it gives its array back to the pool it came from, if any; from then on
   * {@link #hold} fails, and the caller asks for the current part again.
   */
  static final class Part {
    static final Part EMPTY = new Part(new byte[0], 0, null);

    private final byte[] bytes;
    private final int length;
    private final BufferPool pool;
    private final AtomicInteger holders = new AtomicInteger(1);
    private byte[] deflated;

    private Part(byte[] bytes, int length, BufferPool pool) {
      this.bytes = bytes;
      this.length = length;
      this.pool = pool;
    }

    /** Takes a hold for one answer; false when the part was released for good already. */
    boolean hold() {
      for (int n = holders.get(); n > 0; n = holders.get()) {
        if (holders.compareAndSet(n, n + 1)) {
          return true;
        }
      }
      return false;
    }

    boolean sharesArrayWith(Part other) {
      return bytes == other.bytes;
    }

    /** Gives up a hold; the last one hands the array back to its pool. */
    void release() {
      if (holders.decrementAndGet() == 0 && pool != null) {
        pool.giveBack(bytes);
      }
    }

    int length() {
      return length;
    }

    void writeTo(OutputStream out) throws IOException {
      writeSliced(out, bytes, length);
    }

    void checksum(CRC32 crc) {
      crc.update(bytes, 0, length);
    }

    /**
     * The part as raw deflate blocks that end on a byte boundary with the dictionary reset (a full
     * flush), so that parts compressed at different times join into one valid stream.
     */
    synchronized byte[] deflated() {
      if (deflated == null) {
        deflated = deflate(false);
      }
      return deflated;
    }

    /** The part as the final deflate blocks of a stream. */
    byte[] deflatedLast() {
      return deflate(true);
    }

    private byte[] deflate(boolean last) {
      // The fastest level: the text repeats label sets so much that it still shrinks ~10x.
      Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
      try {
        deflater.setInput(bytes, 0, length);
        if (last) {
          deflater.finish();
        }
        int flush = last ? Deflater.NO_FLUSH : Deflater.FULL_FLUSH;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 8 + 64);
        byte[] chunk = new byte[Math.min(64 * 1024, Math.max(length, 512))];
        int n;
        do {
          n = deflater.deflate(chunk, 0, chunk.length, flush);
          out.write(chunk, 0, n);
        } while (n == chunk.length || (last && !deflater.finished()));
        return out.toByteArray();
      } finally {
        deflater.end();
      }
    }

    @Override
    public String toString() {
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
  }

  /** A stream whose array becomes the part as is, saving a copy of megabytes per rendering. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer(byte[] array) {
      super(0);
      buf = array;
    }

    Part part(boolean withoutEof, BufferPool pool) {
      int length = count;
      if (withoutEof
          && length >= EOF.length
          && Arrays.equals(buf, length - EOF.length, length, EOF, 0, EOF.length)) {
        length -= EOF.length;
      }
      return new Part(buf, length, pool);
    }
  }
}
