package io.dockwatch.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One block device's line of {@code /proc/diskstats}. Sectors are 512 bytes whatever the device's
 * own sector size; times are in milliseconds.
 *
 * @param ioNow requests in flight now
 * @param ioTimeMillis time spent with at least one request in flight
 * @param weightedIoTimeMillis time spent in flight summed over all requests
 * @param discard present on kernels from 4.18
 * @param flush present on kernels from 5.5
 */
public record DiskStat(
    String device,
    Requests read,
    Requests write,
    long ioNow,
    long ioTimeMillis,
    long weightedIoTimeMillis,
    Optional<Requests> discard,
    Optional<Flushes> flush) {

  /** Bytes per sector in {@code /proc/diskstats}, fixed by the kernel. */
  public static final int SECTOR_BYTES = 512;

  /** Completed and merged requests of one kind, the sectors they moved, and the time they took. */
  public record Requests(long completed, long merged, long sectors, long timeMillis) {}

  /** Completed cache flush requests and the time they took. */
  public record Flushes(long completed, long timeMillis) {}

  static List<DiskStat> parse(String text) {
    List<DiskStat> out = new ArrayList<>();
    for (String line : Text.lines(text)) {
      String[] f = Text.fields(line);
      if (f.length < 14) {
        continue; // partitions on kernels before 2.6.25 print a shorter line
      }
      long[] v = new long[f.length];
      for (int i = 3; i < f.length; i++) {
        v[i] = Text.longOr(f[i], 0);
      }
      out.add(
          new DiskStat(
              f[2],
              new Requests(v[3], v[4], v[5], v[6]),
              new Requests(v[7], v[8], v[9], v[10]),
              v[11],
              v[12],
              v[13],
              f.length >= 18
                  ? Optional.of(new Requests(v[14], v[15], v[16], v[17]))
                  : Optional.empty(),
              f.length >= 20 ? Optional.of(new Flushes(v[18], v[19])) : Optional.empty()));
    }
    return out;
  }
}
