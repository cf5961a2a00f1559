package io.dockwatch.cli;

import io.dockwatch.config.ConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Holds {@code state_dir/lock} while the agent runs: a second agent on the same state directory
 * would delete the first one's buffered records and overwrite its findings. The lock goes with the
 * process, however it ends.
 */
final class StateLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private StateLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws ConfigException when the directory cannot be written, or another agent holds it
   */
  static StateLock acquire(Path stateDir) throws ConfigException {
    Path file = stateDir.resolve("lock");
    try {
      Files.createDirectories(stateDir);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new ConfigException(
            List.of(
                "agent.state_dir: "
                    + stateDir
                    + " is in use by another running dockwatch; give each agent its own"));
      }
      return new StateLock(channel, lock);
    } catch (IOException e) {
      throw new ConfigException(List.of("agent.state_dir: " + stateDir + " is not writable: " + e));
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
