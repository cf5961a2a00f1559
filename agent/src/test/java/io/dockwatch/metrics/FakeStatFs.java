package io.dockwatch.metrics;

import io.dockwatch.host.StatFs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Answers statvfs from a table of mount points under a fixture root. */
final class FakeStatFs implements StatFs {
  private final Path root;
  private final Map<String, Result> byMountPoint = new HashMap<>();

  FakeStatFs(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  FakeStatFs with(String mountPoint, Result result) {
    byMountPoint.put(mountPoint, result);
    return this;
  }

  @Override
  public Result stat(Path path) {
    String mountPoint = "/" + root.relativize(path);
    return byMountPoint.getOrDefault(mountPoint, new Failure("no such file or directory"));
  }
}
