package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.host.CgroupStats.DeviceIo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceNamesTest {
  private static final String SDA = "sys/dev/block/8:0/uevent";

  @TempDir Path root;

  @Test
  void named_deviceInSys_isTheNodeOfItsDevname() {
    Tree tree = Tree.at(root).file(SDA, "MAJOR=8\nMINOR=0\nDEVNAME=sda\nDEVTYPE=disk\n");

    String name = name(new DeviceNames(tree.files()), 8, 0);

    assertThat(name).isEqualTo("/dev/sda");
  }

  @Test
  void named_deviceGoneFromSys_isTheEmptyString() {
    String name = name(new DeviceNames(Tree.at(root).files()), 253, 7);

    assertThat(name).isEmpty();
  }

  @Test
  void named_deviceNamedInTheLastRound_isNotReadAgain() {
    String name = nameAfterRenaming(1);

    assertThat(name).isEqualTo("/dev/sda");
  }

  @Test
  void named_deviceUnusedForAWholeRound_isReadAfresh() {
    String name = nameAfterRenaming(2);

    assertThat(name).isEqualTo("/dev/sdz");
  }

  @Test
  void node_ueventWithoutDevname_isTheEmptyString() {
    assertThat(DeviceNames.node("MAJOR=8\nMINOR=0\nDEVNAME=\n")).isEmpty();
    assertThat(DeviceNames.node("")).isEmpty();
  }

  /**
   * Names sda, ends {@code rounds} rounds, has the kernel name the device sdz, and names it again.
   */
  private String nameAfterRenaming(int rounds) {
    Tree tree = Tree.at(root).file(SDA, "DEVNAME=sda\n");
    DeviceNames names = new DeviceNames(tree.files());
    name(names, 8, 0);
    for (int i = 0; i < rounds; i++) {
      names.endRound();
    }
    tree.file(SDA, "DEVNAME=sdz\n");
    return name(names, 8, 0);
  }

  private static String name(DeviceNames names, int major, int minor) {
    DeviceIo device = new DeviceIo(major, minor, "", Map.of("Read", 1L), Map.of());
    return names.named(List.of(device)).get(0).device();
  }
}
