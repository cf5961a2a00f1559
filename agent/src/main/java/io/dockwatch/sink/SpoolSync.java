package io.dockwatch.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces written segments, and the directory after a segment was created, to stable storage.
 *
 * <p>Each file is reopened to be forced rather than sharing the appender's channel: an fsync covers
 * the file whatever descriptor asks for it, and the appender's channel may be closed or replaced at
 * any moment without this task noticing.
 */
final class SpoolSync implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(SpoolSync.class);

  private final String name;
  private final Path dir;
  // Guarded by this: segments written since they were last forced.
  private final Set<Long> dirty = new TreeSet<>();
  private boolean directoryDirty;
  private boolean failing;

  SpoolSync(String name, Path dir) {
    this.name = name;
    this.dir = dir;
  }

  synchronized void written(long segment) {
    dirty.add(segment);
  }

  synchronized void created() {
    directoryDirty = true;
  }

  synchronized boolean pending() {
    return !dirty.isEmpty() || directoryDirty;
  }

  @Override
  public void run() {
    Set<Long> segments;
    boolean directory;
    synchronized (this) {
      segments = new TreeSet<>(dirty);
      dirty.clear();
      directory = directoryDirty;
      directoryDirty = false;
    }
    try {
      for (long id : segments) {
        force(SpoolRecovery.segmentFile(dir, id), id);
      }
      if (directory) {
        force(dir, -1);
      }
      recovered();
    } catch (IOException e) {
      synchronized (this) {
        dirty.addAll(segments);
        directoryDirty |= directory;
      }
      failed(e);
    }
  }

  private void force(Path path, long segment) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(false);
    } catch (NoSuchFileException e) {
      // Consumed and deleted meanwhile: nothing left to keep.
      log.debug("spool {}: segment {} gone before it was forced", name, segment);
    }
  }

  private synchronized void failed(IOException e) {
    if (!failing) {
      log.warn("spool {}: cannot force records to disk, will retry: {}", name, e.toString());
      failing = true;
    }
  }

  private synchronized void recovered() {
    if (failing) {
      log.info("spool {}: forcing records to disk works again", name);
      failing = false;
    }
  }
}
