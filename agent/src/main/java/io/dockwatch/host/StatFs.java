package io.dockwatch.host;

import java.nio.file.Path;

/** The usage of the file system that holds a path, as {@code statvfs(3)} reports it. */
public interface StatFs {

  Result stat(Path path);

  /** The outcome of one call: the usage, or why the file system could not answer. */
  sealed interface Result permits Usage, Failure {}

  /** Sizes in bytes and inode counts; {@code avail} is what unprivileged users may still use. */
  record Usage(double size, double free, double avail, double files, double filesFree)
      implements Result {}

  /** A short, bounded reason, such as {@code permission denied}. */
  record Failure(String error) implements Result {}
}
