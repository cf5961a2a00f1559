package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountEntryTest {
  private static final List<MountEntry> MOUNTS =
      MountEntry.parse(
          """
          /dev/vda / ext4 rw 0 0
          /dev/vdb /var/lib/docker xfs rw 0 0
          /dev/vdc /var/lib/dockerd xfs rw 0 0
          overlay /var/lib/docker/overlay2/0a1b2c/merged overlay rw 0 0
          /dev/vdd /var/lib/docker xfs rw 0 0
          """);

  @Test
  void holding_pathUnderSeveralMounts_isTheLongestMountPointLaterMountsWinning() {
    assertThat(MountEntry.holding(MOUNTS, "/var/lib/docker/overlay2/0a1b2c/diff"))
        .map(MountEntry::device)
        .contains("/dev/vdd");
  }

  @Test
  void holding_mountPointThatOnlySharesAPrefix_isNotAParent() {
    assertThat(MountEntry.holding(MOUNTS, "/var/lib/dockerdata/x"))
        .map(MountEntry::device)
        .contains("/dev/vda");
  }

  @Test
  void holding_theMountPointItself_isThatMount() {
    assertThat(MountEntry.holding(MOUNTS, "/var/lib/dockerd"))
        .map(MountEntry::device)
        .contains("/dev/vdc");
  }

  @Test
  void holding_noMounts_isEmpty() {
    assertThat(MountEntry.holding(List.of(), "/var")).isEmpty();
  }
}
