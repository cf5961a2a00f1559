package io.dockwatch.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcFilesTest {
  private static final String ID =
      "3f8224600f8df1021274b31d15941e117b7dfe0a5d38cb91729301691ca94317";

  @Test
  void cmdline_nulSeparatedWithEmptyWord_keepsTheEmptyWord() {
    byte[] raw = "dockerd\0--label\0\0-D\0".getBytes(StandardCharsets.UTF_8);

    assertThat(ProcFiles.cmdline(raw)).containsExactly("dockerd", "--label", "", "-D");
  }

  @Test
  void mountPoints_escapedSpace_isUnescaped() {
    List<String> mountinfo =
        List.of(
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
            "40 22 8:2 / /var/lib/docker rw - xfs /dev/sdb rw",
            "41 22 8:3 / /mnt/my\\040disk rw - ext4 /dev/sdc rw");

    assertThat(ProcFiles.mountPoints(mountinfo))
        .containsExactly("/", "/var/lib/docker", "/mnt/my disk");
  }

  @Test
  void bootTime_btimeLine_isTheBootInstant() {
    List<String> stat = List.of("cpu  1 2 3", "btime 1764000000", "processes 10");

    assertThat(ProcFiles.bootTime(stat)).contains(Instant.ofEpochSecond(1764000000));
  }

  @Test
  void containerId_fromMountinfoOrCgroup_isFound() {
    List<String> mountinfo =
        List.of("512 498 8:1 /var/lib/docker/containers/" + ID + "/hostname /etc/hostname rw");
    List<String> cgroupV1 = List.of("12:pids:/docker/" + ID);
    List<String> systemd = List.of("0::/system.slice/docker-" + ID + ".scope");

    assertThat(ProcFiles.containerId(mountinfo, List.of())).contains(ID);
    assertThat(ProcFiles.containerId(List.of(), cgroupV1)).contains(ID);
    assertThat(ProcFiles.containerId(List.of(), systemd)).contains(ID);
    assertThat(ProcFiles.containerId(List.of("22 1 8:1 / / rw"), List.of("0::/"))).isEmpty();
  }
}
