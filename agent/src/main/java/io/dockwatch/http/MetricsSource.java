package io.dockwatch.http;

import java.io.IOException;
import java.io.OutputStream;

/** What {@code GET /metrics} serves. Reads only samples already taken: a scrape never waits. */
public interface MetricsSource {

  /** The content type to answer with, given the scraper's {@code Accept} header (may be null). */
  String contentType(String accept);

  /** Writes the exposition in the format {@link #contentType} chose. */
  void write(String accept, OutputStream out) throws IOException;
}
