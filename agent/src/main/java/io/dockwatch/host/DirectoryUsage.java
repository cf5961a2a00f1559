package io.dockwatch.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The bytes held in a directory tree, counted by walking it: the sizes of its regular files, a file
 * with several hard links in the tree counted once. Links are not followed. Each entry costs one
 * {@code lstat}, so a walk is bounded by a number of entries and stops when it reaches it.
 */
public final class DirectoryUsage {
  private static final int TYPE_MASK = 0170000;
  private static final int DIRECTORY = 0040000;
  private static final int REGULAR = 0100000;
  private static final String ATTRIBUTES = "unix:mode,size,nlink,ino";

  private DirectoryUsage() {}

  /**
   * What a walk found.
   *
   * @param bytes the sizes of the regular files counted
   * @param entries the entries the walk looked at (files, directories, links…)
   * @param complete false when the walk stopped at its bound before the end of the tree
   */
  public record Walk(long bytes, long entries, boolean complete) {}

  /**
   * Walks {@code dir}, looking at {@code maxEntries} entries at most. An entry removed while the
   * walk runs is skipped, as the files of a running container come and go.
   *
   * @throws IOException when {@code dir} or a directory under it cannot be read
   */
  public static Walk walk(Path dir, long maxEntries) throws IOException {
    Deque<Path> directories = new ArrayDeque<>();
    directories.push(dir);
    Set<Object> linked = new HashSet<>();
    long bytes = 0;
    long entries = 0;
    while (!directories.isEmpty()) {
      Path current = directories.pop();
      try (DirectoryStream<Path> list = Files.newDirectoryStream(current)) {
        for (Path entry : list) {
          if (entries == maxEntries) {
            return new Walk(bytes, entries, false);
          }
          entries++;
          Map<String, Object> a;
          try {
            a = Files.readAttributes(entry, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
          } catch (NoSuchFileException e) {
            continue;
          }
          int type = (Integer) a.get("mode") & TYPE_MASK;
          if (type == DIRECTORY) {
            directories.push(entry);
          } else if (type == REGULAR
              && ((Integer) a.get("nlink") == 1 || linked.add(a.get("ino")))) {
            bytes += (Long) a.get("size");
          }
        }
      } catch (NoSuchFileException e) {
        if (current.equals(dir)) {
          throw e;
        }
      }
    }
    return new Walk(bytes, entries, true);
  }
}
