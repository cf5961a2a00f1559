package io.dockwatch.metrics;

import io.dockwatch.http.MetricsSource;
import io.dockwatch.metrics.Renderer.Part;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;

/**
 * One scrape's answer made of rendered parts: the sampled ones shared by every scrape of the same
 * sample, and the live one rendered for this scrape alone. Plain, the parts go out one after the
 * other. Gzipped, they form one gzip member: a header, each sampled part's deflate blocks (made
 * once per sample, however many scrapes ask), the live part's final blocks, and a trailer with the
 * checksum and length of all the text. The body holds its parts until it is closed.
 */
final class ScrapeBody implements MetricsSource.Body {
  /** Magic, method deflate, no flags, no time, no extra flags, OS unknown (RFC 1952). */
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private static final int GZIP_TRAILER = 8;

  private final String contentType;
  private final List<byte[]> chunks;
  private final List<Part> parts;
  private final long length;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ScrapeBody(String contentType, List<Part> parts, List<byte[]> chunks, long length) {
    this.contentType = contentType;
    this.parts = parts;
    this.chunks = chunks;
    this.length = length;
  }

  static ScrapeBody plain(String contentType, List<Part> sampled, Part live) {
    List<Part> parts = withLive(sampled, live);
    long length = 0;
    for (Part p : parts) {
      length += p.length();
    }
    return new ScrapeBody(contentType, parts, null, length);
  }

  static ScrapeBody gzip(String contentType, List<Part> sampled, Part live) {
    CRC32 crc = new CRC32();
    long size = 0;
    List<byte[]> chunks = new ArrayList<>(sampled.size() + 3);
    chunks.add(GZIP_HEADER);
    for (Part p : sampled) {
      chunks.add(p.deflated());
      p.checksum(crc);
      size += p.length();
    }
    chunks.add(live.deflatedLast());
    live.checksum(crc);
    size += live.length();
    chunks.add(trailer(crc.getValue(), size));
    long length = 0;
    for (byte[] c : chunks) {
      length += c.length;
    }
    return new ScrapeBody(contentType, withLive(sampled, live), List.copyOf(chunks), length);
  }

  private static List<Part> withLive(List<Part> sampled, Part live) {
    List<Part> parts = new ArrayList<>(sampled);
    parts.add(live);
    return List.copyOf(parts);
  }

  /** CRC-32 and the text's length modulo 2^32, both little-endian. */
  private static byte[] trailer(long crc, long size) {
    byte[] t = new byte[GZIP_TRAILER];
    for (int i = 0; i < 4; i++) {
      t[i] = (byte) (crc >>> (8 * i));
      t[4 + i] = (byte) (size >>> (8 * i));
    }
    return t;
  }

  @Override
  public String contentType() {
    return contentType;
  }

  @Override
  public boolean gzipped() {
    return chunks != null;
  }

  @Override
  public long length() {
    return length;
  }

  /** Lets go of the parts; a sampled part no answer holds any more goes back to its pool. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      parts.forEach(Part::release);
    }
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    if (chunks != null) {
      for (byte[] c : chunks) {
        Renderer.writeSliced(out, c, c.length);
      }
      return;
    }
    for (Part p : parts) {
      p.writeTo(out);
    }
  }
}
