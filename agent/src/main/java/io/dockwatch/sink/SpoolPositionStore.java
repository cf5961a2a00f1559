package io.dockwatch.sink;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a spool's committed position on disk. A position that cannot be stored (typically a full
 * disk) is kept and written again on the next {@link #store} or {@link #retry}, so a passing
 * failure costs nothing; until it succeeds a restart resends records already delivered. Each
 * episode of failures is logged once when it starts and once when it ends.
 */
final class SpoolPositionStore {
  private static final Logger log = LoggerFactory.getLogger(SpoolPositionStore.class);

  /** Writes a position to its file; {@link SpoolPosition#write} outside tests. */
  @FunctionalInterface
  interface Writer {
    void write(SpoolPosition position, Path file) throws IOException;
  }

  private final String name;
  private final Path file;
  private final Writer writer;
  private SpoolPosition unstored;
  private long failedInEpisode;

  SpoolPositionStore(String name, Path file, Writer writer) {
    this.name = name;
    this.file = file;
    this.writer = writer;
  }

  /** Stores {@code position}, or keeps it for a retry; true when it is on disk. */
  synchronized boolean store(SpoolPosition position) {
    unstored = position;
    return retry();
  }

  /** Writes the position kept after a failure, if any; true when nothing is left to store. */
  synchronized boolean retry() {
    if (unstored == null) {
      return true;
    }
    try {
      writer.write(unstored, file);
    } catch (IOException e) {
      if (failedInEpisode++ == 0) {
        log.warn(
            "spool {}: cannot store the committed position, retrying; until then a restart"
                + " resends delivered records: {}",
            name,
            e.toString());
      }
      return false;
    }
    unstored = null;
    if (failedInEpisode > 0) {
      log.info(
          "spool {}: stored the committed position again after {} failed attempts",
          name,
          failedInEpisode);
      failedInEpisode = 0;
    }
    return true;
  }

  /** True when a committed position waits to be stored. */
  synchronized boolean pending() {
    return unstored != null;
  }
}
