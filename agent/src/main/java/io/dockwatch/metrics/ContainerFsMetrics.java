package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.gauge;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.OptionalDouble;

/**
 * A running container's writable layer with cAdvisor's names: the bytes it holds, and the size of
 * the file system it lives on, labelled with that file system's device as node_exporter's {@code
 * node_filesystem_*} name it.
 */
final class ContainerFsMetrics {
  static final MetricFamily USAGE =
      gauge(
          "container_fs_usage_bytes",
          "Bytes the container's writable layer holds, as of its last walk.");
  static final MetricFamily LIMIT =
      gauge(
          "container_fs_limit_bytes",
          "Size of the file system that holds the container's writable layer, in bytes.");

  private ContainerFsMetrics() {}

  /**
   * What one walk of a container's writable layer found.
   *
   * @param device the device of the file system holding the layer, as the host's mount table names
   *     it
   * @param limitBytes absent when the file system could not be queried
   */
  record LayerUsage(String device, long usageBytes, OptionalDouble limitBytes) {}

  static void add(LabelSet labels, LayerUsage layer, Families out) {
    Labels l = labels.with("device", layer.device());
    out.add(USAGE, l, layer.usageBytes());
    layer.limitBytes().ifPresent(limit -> out.add(LIMIT, l, limit));
  }
}
