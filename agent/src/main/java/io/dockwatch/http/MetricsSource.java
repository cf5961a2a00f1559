package io.dockwatch.http;

import java.io.IOException;
import java.io.OutputStream;

/** What {@code GET /metrics} serves. Reads only samples already taken: a scrape never waits. */
public interface MetricsSource {

  /**
   * One scrape's answer, assembled in full before any byte of it goes out, so that a failure can
   * still be answered with a status of its own.
   *
   * @param accept the scraper's {@code Accept} header, which may ask for OpenMetrics (may be null)
   * @param gzip whether the scraper accepts a gzip-compressed body
   */
  Body expose(String accept, boolean gzip) throws IOException;

  /** The content type the scraper's {@code Accept} header gets. */
  default String contentType(String accept) throws IOException {
    try (Body body = expose(accept, false)) {
      return body.contentType();
    }
  }

  /** Writes the uncompressed exposition in the format {@link #contentType} chose. */
  default void write(String accept, OutputStream out) throws IOException {
    try (Body body = expose(accept, false)) {
      body.writeTo(out);
    }
  }

  /** An answer whose length is known before it is written; closed once written or abandoned. */
  interface Body extends AutoCloseable {
    String contentType();

    /** Whether the bytes are a gzip member, to be sent with {@code Content-Encoding: gzip}. */
    boolean gzipped();

    long length();

    void writeTo(OutputStream out) throws IOException;

    @Override
    default void close() {}
  }
}
