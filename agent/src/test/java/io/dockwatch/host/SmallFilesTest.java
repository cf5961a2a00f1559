package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The parsers of files that hold a line or two. */
class SmallFilesTest {

  @Test
  void mountParse_octalEscapedBlank_isUnescaped() {
    String text = "/dev/vdb /srv/backup\\040copies xfs ro,relatime 0 0\n";

    MountEntry mount = MountEntry.parse(text).get(0);

    assertThat(mount.mountPoint()).isEqualTo("/srv/backup copies");
    assertThat(mount.readOnly()).isTrue();
  }

  @Test
  void mountReadOnly_optionThatOnlyStartsWithRo_isNotReadOnly() {
    MountEntry mount = new MountEntry("/dev/vda", "/", "ext4", "rw,root_squash");

    boolean readOnly = mount.readOnly();

    assertThat(readOnly).isFalse();
  }

  @Test
  void pressureParse_someAndFull_readsBothTotals() {
    String text =
        "some avg10=2.69 avg60=6.63 avg300=5.69 total=35982123\n"
            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=42\n";

    Pressure pressure = Pressure.parse(text).orElseThrow();

    assertThat(pressure).isEqualTo(new Pressure(35982123, OptionalLong.of(42)));
  }

  @Test
  void pressureParse_cpuOfOldKernelWithoutFull_hasNoFull() {
    String text = "some avg10=0.00 avg60=0.00 avg300=0.00 total=7\n";

    Pressure pressure = Pressure.parse(text).orElseThrow();

    assertThat(pressure.fullMicros()).isEmpty();
  }

  @Test
  void osReleaseParse_quotedEscapedAndCommented_readsValues() {
    String text =
        """
        # a comment
        NAME="Debian \\"GNU\\"/Linux"
        ID=debian
        VARIANT='single quoted'
        """;

    OsRelease os = OsRelease.parse(text);

    assertThat(os.get("NAME")).isEqualTo("Debian \"GNU\"/Linux");
    assertThat(os.get("ID")).isEqualTo("debian");
    assertThat(os.get("VARIANT")).isEqualTo("single quoted");
    assertThat(os.get("BUILD_ID")).isEmpty();
  }

  @Test
  void loadAverageParse_kernelText_readsThreeAverages() {
    String text = "0.46 0.44 0.22 2/114 9169\n";

    LoadAverage load = LoadAverage.parse(text).orElseThrow();

    assertThat(load).isEqualTo(new LoadAverage(0.46, 0.44, 0.22));
  }

  @Test
  void fileHandlesParse_tabSeparated_readsAllocatedAndMaximum() {
    String text = "653\t0\t2466290\n";

    FileHandles fd = FileHandles.parse(text).orElseThrow();

    assertThat(fd).isEqualTo(new FileHandles(653, 2466290));
  }

  @Test
  void keyedLongs_fieldsOfOtherShapes_areSkipped() {
    String text = "pgfault 12\nnr_zone 1 2\nname value\nhuge 99999999999999999999\n";

    var values = Text.keyedLongs(text);

    assertThat(values).containsOnlyKeys("pgfault");
  }
}
