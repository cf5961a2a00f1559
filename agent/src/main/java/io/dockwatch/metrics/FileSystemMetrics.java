package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.host.HostReader;
import io.dockwatch.host.MountEntry;
import io.dockwatch.host.StatFs;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Size and inodes of each mounted file system, from the host's mount table and {@code statvfs}.
 * Pseudo file systems and the engine's own layers are left out with node_exporter's default
 * patterns; a mount listed twice is reported once.
 */
final class FileSystemMetrics implements HostArea {
  static final MetricFamily SIZE =
      gauge("node_filesystem_size_bytes", "Size of the file system, in bytes.");
  static final MetricFamily FREE =
      gauge("node_filesystem_free_bytes", "Free space on the file system, in bytes.");
  static final MetricFamily AVAIL =
      gauge(
          "node_filesystem_avail_bytes",
          "Space on the file system that unprivileged users may still use, in bytes.");
  static final MetricFamily FILES =
      gauge("node_filesystem_files", "Inodes the file system has in all.");
  static final MetricFamily FILES_FREE =
      gauge("node_filesystem_files_free", "Inodes the file system has free.");
  static final MetricFamily READONLY =
      gauge("node_filesystem_readonly", "Whether the file system is mounted read-only (1) or not.");
  static final MetricFamily DEVICE_ERROR =
      gauge(
          "node_filesystem_device_error",
          "Whether the file system could not be queried (1) or could (0).");

  /** node_exporter's default: kernel interfaces, and what the engine mounts for containers. */
  static final Pattern EXCLUDED_MOUNT_POINTS =
      Pattern.compile(
          "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)"
              + "($|/)");

  /** node_exporter's default: file systems that hold no data of their own. */
  static final Pattern EXCLUDED_TYPES =
      Pattern.compile(
          "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs"
              + "|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs"
              + "|squashfs|erofs|sysfs|tracefs)$");

  private final HostReader host;
  private final StatFs statFs;

  FileSystemMetrics(HostReader host, StatFs statFs) {
    this.host = host;
    this.statFs = statFs;
  }

  /** A file system that cannot be queried is reported as such; only the mount table counts. */
  @Override
  public List<Part> parts() {
    return List.of(
        new Part("filesystem", out -> HostArea.whenPresent(host.mounts(), m -> mounts(m, out))));
  }

  private void mounts(List<MountEntry> mounts, Families out) {
    Set<List<String>> seen = new HashSet<>();
    for (MountEntry m : mounts) {
      if (EXCLUDED_MOUNT_POINTS.matcher(m.mountPoint()).find()
          || EXCLUDED_TYPES.matcher(m.fsType()).find()
          || !seen.add(List.of(m.device(), m.mountPoint(), m.fsType()))) {
        continue;
      }
      StatFs.Result result = statFs.stat(host.files().resolve(m.mountPoint()));
      double readOnly = m.readOnly() ? 1 : 0;
      if (result instanceof StatFs.Failure failure) {
        Labels labels = labels(m, failure.error());
        out.add(DEVICE_ERROR, labels, 1);
        out.add(READONLY, labels, readOnly);
      } else if (result instanceof StatFs.Usage usage) {
        Labels labels = labels(m, "");
        out.add(DEVICE_ERROR, labels, 0);
        out.add(READONLY, labels, readOnly);
        out.add(SIZE, labels, usage.size());
        out.add(FREE, labels, usage.free());
        out.add(AVAIL, labels, usage.avail());
        out.add(FILES, labels, usage.files());
        out.add(FILES_FREE, labels, usage.filesFree());
      }
    }
  }

  private static Labels labels(MountEntry m, String error) {
    return Labels.of(
        "device", m.device(),
        "mountpoint", m.mountPoint(),
        "fstype", m.fsType(),
        "device_error", error);
  }
}
