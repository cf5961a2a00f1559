package io.dockwatch.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The lines of one output stream of a process, read as they come by a thread of their own. */
final class OutputLines {
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private OutputLines(InputStream stream, String name) {
    this.reader = new Thread(() -> readAll(stream), name);
    reader.setDaemon(true);
  }

  static OutputLines follow(InputStream stream, String name) {
    OutputLines output = new OutputLines(stream, name);
    output.reader.start();
    return output;
  }

  private void readAll(InputStream stream) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (lines) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      // The stream closed under the reader, as when the process is killed: the output ends here.
    }
  }

  /** Every line read so far. */
  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Whether the stream has ended and every line of it is in {@link #lines()}. */
  boolean ended() {
    return !reader.isAlive();
  }

  /** Waits for the end of the stream, which follows the end of the process by a moment. */
  void awaitEnd(Duration timeout) {
    try {
      reader.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
