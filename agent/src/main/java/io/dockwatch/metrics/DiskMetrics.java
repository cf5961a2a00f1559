package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.counter;
import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.host.DiskStat;
import io.dockwatch.host.HostReader;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.regex.Pattern;

/** Block device I/O from {@code /proc/diskstats}, whole devices only as node_exporter does. */
final class DiskMetrics implements HostArea {
  static final MetricFamily READS =
      counter("node_disk_reads_completed_total", "Reads completed by the device.");
  static final MetricFamily READS_MERGED =
      counter("node_disk_reads_merged_total", "Adjacent reads merged into one request.");
  static final MetricFamily READ_BYTES =
      counter("node_disk_read_bytes_total", "Bytes read from the device.");
  static final MetricFamily READ_TIME =
      counter("node_disk_read_time_seconds_total", "Seconds spent by all reads.");
  static final MetricFamily WRITES =
      counter("node_disk_writes_completed_total", "Writes completed by the device.");
  static final MetricFamily WRITES_MERGED =
      counter("node_disk_writes_merged_total", "Adjacent writes merged into one request.");
  static final MetricFamily WRITTEN_BYTES =
      counter("node_disk_written_bytes_total", "Bytes written to the device.");
  static final MetricFamily WRITE_TIME =
      counter("node_disk_write_time_seconds_total", "Seconds spent by all writes.");
  static final MetricFamily IO_NOW =
      gauge("node_disk_io_now", "Requests issued to the device and not yet completed.");
  static final MetricFamily IO_TIME =
      counter("node_disk_io_time_seconds_total", "Seconds the device had requests in flight.");
  static final MetricFamily IO_TIME_WEIGHTED =
      counter(
          "node_disk_io_time_weighted_seconds_total",
          "Seconds spent in flight, summed over all requests.");
  static final MetricFamily DISCARDS =
      counter("node_disk_discards_completed_total", "Discards completed by the device.");
  static final MetricFamily DISCARDS_MERGED =
      counter("node_disk_discards_merged_total", "Adjacent discards merged into one request.");
  static final MetricFamily DISCARDED_SECTORS =
      counter("node_disk_discarded_sectors_total", "Sectors discarded.");
  static final MetricFamily DISCARD_TIME =
      counter("node_disk_discard_time_seconds_total", "Seconds spent by all discards.");
  static final MetricFamily FLUSHES =
      counter("node_disk_flush_requests_total", "Cache flush requests completed by the device.");
  static final MetricFamily FLUSH_TIME =
      counter(
          "node_disk_flush_requests_time_seconds_total", "Seconds spent by all flush requests.");

  /** node_exporter's default: RAM and loop devices, floppies, and partitions. */
  static final Pattern IGNORED_DEVICES =
      Pattern.compile("^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$");

  private final HostReader host;

  DiskMetrics(HostReader host) {
    this.host = host;
  }

  @Override
  public List<Part> parts() {
    return List.of(
        new Part("diskstats", out -> HostArea.whenPresent(host.diskStats(), d -> disks(d, out))));
  }

  private static void disks(List<DiskStat> disks, Families out) {
    for (DiskStat d : disks) {
      if (IGNORED_DEVICES.matcher(d.device()).matches()) {
        continue;
      }
      Labels device = Labels.of("device", d.device());
      out.add(READS, device, d.read().completed());
      out.add(READS_MERGED, device, d.read().merged());
      out.add(READ_BYTES, device, bytes(d.read().sectors()));
      out.add(READ_TIME, device, seconds(d.read().timeMillis()));
      out.add(WRITES, device, d.write().completed());
      out.add(WRITES_MERGED, device, d.write().merged());
      out.add(WRITTEN_BYTES, device, bytes(d.write().sectors()));
      out.add(WRITE_TIME, device, seconds(d.write().timeMillis()));
      out.add(IO_NOW, device, d.ioNow());
      out.add(IO_TIME, device, seconds(d.ioTimeMillis()));
      out.add(IO_TIME_WEIGHTED, device, seconds(d.weightedIoTimeMillis()));
      d.discard()
          .ifPresent(
              r -> {
                out.add(DISCARDS, device, r.completed());
                out.add(DISCARDS_MERGED, device, r.merged());
                out.add(DISCARDED_SECTORS, device, r.sectors());
                out.add(DISCARD_TIME, device, seconds(r.timeMillis()));
              });
      d.flush()
          .ifPresent(
              f -> {
                out.add(FLUSHES, device, f.completed());
                out.add(FLUSH_TIME, device, seconds(f.timeMillis()));
              });
    }
  }

  private static double bytes(long sectors) {
    return (double) sectors * DiskStat.SECTOR_BYTES;
  }

  private static double seconds(long millis) {
    return millis / 1000.0;
  }
}
