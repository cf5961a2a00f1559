package io.dockwatch.host;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The host's files, read under a root directory so that a fixture tree can stand in for {@code /},
 * or the host's root mounted into a container (for example at {@code /host}) can be read as such.
 *
 * <p>Failure policy: a file that is missing or unreadable is the machine not answering, not a
 * defect; it comes back empty and the caller degrades (omits the series that depend on it).
 *
 * <p>Not thread-safe: each collector thread reads through an instance of its own.
 */
public final class HostFiles {
  /** A page: every cgroup and most /proc files fit in one read of it. */
  private static final int READ_SIZE = 4096;

  private final Path root;

  /** Reused by every read, since a collection round reads thousands of small files. */
  private byte[] buffer = new byte[READ_SIZE];

  public HostFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The absolute path of {@code path} (taken as relative to the host root) on this machine. */
  public Path resolve(String path) {
    return root.resolve(relative(path));
  }

  /**
   * The file's text, or empty when it does not exist or cannot be read.
   *
   * <p>The first read asks for a whole page: the kernel's numeric {@code /proc/sys} files answer
   * only a read at offset zero, so reading them a byte at a time first (as {@code
   * Files.readAllBytes} does for files that report size zero) would cut them short.
   */
  public Optional<String> read(String path) {
    try (FileInputStream in = new FileInputStream(resolve(path).toString())) {
      int length = 0;
      for (int n; (n = in.read(buffer, length, buffer.length - length)) >= 0; ) {
        length += n;
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
      }
      return Optional.of(new String(buffer, 0, length, StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  public boolean exists(String path) {
    return Files.exists(resolve(path));
  }

  /** The names of the entries of a directory, sorted; empty when it cannot be listed. */
  public List<String> list(String directory) {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(resolve(directory))) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    } catch (IOException | SecurityException e) {
      return List.of();
    }
    names.sort(null);
    return names;
  }

  private static String relative(String path) {
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    return path.substring(start);
  }
}
