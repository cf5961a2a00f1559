package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.host.DiskStat.Flushes;
import io.dockwatch.host.DiskStat.Requests;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiskStatTest {

  @Test
  void parse_kernel55Line_hasDiscardsAndFlushes() {
    String text =
        " 254 0 vda 41682 7757 2816378 18008 13504 8870 1470488 6801 0 5452 25360 5152 14 153960"
            + " 441 2095 109\n";

    List<DiskStat> disks = DiskStat.parse(text);

    assertThat(disks)
        .containsExactly(
            new DiskStat(
                "vda",
                new Requests(41682, 7757, 2816378, 18008),
                new Requests(13504, 8870, 1470488, 6801),
                0,
                5452,
                25360,
                Optional.of(new Requests(5152, 14, 153960, 441)),
                Optional.of(new Flushes(2095, 109))));
  }

  @Test
  void parse_oldKernelLine_hasNeitherDiscardsNorFlushes() {
    String text = "8 0 sdb 100 2 3000 40 50 1 800 60 1 90 100\n";

    DiskStat disk = DiskStat.parse(text).get(0);

    assertThat(disk.ioNow()).isEqualTo(1);
    assertThat(disk.discard()).isEmpty();
    assertThat(disk.flush()).isEmpty();
  }

  @Test
  void parse_shortPartitionLineOfOldKernels_isSkipped() {
    String text = "8 1 sda1 100 3000 50 800\n";

    List<DiskStat> disks = DiskStat.parse(text);

    assertThat(disks).isEmpty();
  }
}
