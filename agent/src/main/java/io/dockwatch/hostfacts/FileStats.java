package io.dockwatch.hostfacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the ownership and mode of a file. An interface so that tests can state owners they cannot
 * create: a test runs as one user and can only make files owned by that user.
 */
@FunctionalInterface
public interface FileStats {

  /**
   * The stat of {@code local}, the already resolved local path of the host path {@code hostPath}.
   *
   * @throws IOException when the file exists but cannot be read
   */
  FileStat stat(String hostPath, String realHostPath, Path local) throws IOException;

  /** The real file system, through the {@code unix} attribute view of Linux. */
  static FileStats posix() {
    return (hostPath, realHostPath, local) -> {
      if (!Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
        return FileStat.absent(hostPath);
      }
      Map<String, Object> a =
          Files.readAttributes(local, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) a.get("mode");
      return new FileStat(
          hostPath,
          realHostPath,
          true,
          kind(mode),
          (Integer) a.get("uid"),
          (Integer) a.get("gid"),
          mode);
    };
  }

  /** The file type from the full {@code st_mode}. */
  static FileStat.Kind kind(int stMode) {
    return switch (stMode & 0170000) {
      case 0100000 -> FileStat.Kind.FILE;
      case 0040000 -> FileStat.Kind.DIRECTORY;
      case 0140000 -> FileStat.Kind.SOCKET;
      default -> FileStat.Kind.OTHER;
    };
  }
}
