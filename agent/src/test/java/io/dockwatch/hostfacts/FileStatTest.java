package io.dockwatch.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileStatTest {
  private static FileStat mode(int bits) {
    return new FileStat("/f", "/f", true, FileStat.Kind.FILE, 0, 0, bits);
  }

  @Test
  void grantsMoreThan_modesADecimalComparisonPasses_fail() {
    assertThat(mode(0077).grantsMoreThan(0644)).isTrue();
    assertThat(mode(0500).grantsMoreThan(0644)).isTrue();
    assertThat(mode(0460).grantsMoreThan(0644)).isTrue();
    assertThat(mode(0607).grantsMoreThan(0660)).isTrue();
  }

  @Test
  void grantsMoreThan_subsetsOfTheLimit_pass() {
    assertThat(mode(0600).grantsMoreThan(0644)).isFalse();
    assertThat(mode(0640).grantsMoreThan(0644)).isFalse();
    assertThat(mode(0750).grantsMoreThan(0755)).isFalse();
    assertThat(mode(0000).grantsMoreThan(0400)).isFalse();
  }

  @Test
  void grantsMoreThan_setIdBits_countAsBeyondTheLimit() {
    FileStat setuid = mode(04644);

    assertThat(setuid.grantsMoreThan(0644)).isTrue();
    assertThat(setuid.excessBits(0644)).isEqualTo("4000");
  }

  @Test
  void constructor_fileTypeBits_areDropped() {
    FileStat socket = new FileStat("/s", "/s", true, FileStat.Kind.SOCKET, 0, 0, 0140660);

    assertThat(socket.octalMode()).isEqualTo("0660");
  }
}
