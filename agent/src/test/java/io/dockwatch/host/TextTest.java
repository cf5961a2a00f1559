package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void fields_atMostThree_splitsThreeAndLeavesTheRest() {
    String[] f = Text.fields("intr  1004596 0\t0 0 7", 3);

    assertThat(f).containsExactly("intr", "1004596", "0");
  }

  @Test
  void fields_noLimit_splitsOnEveryRunOfBlanks() {
    String[] f = Text.fields("  a \t b  c ");

    assertThat(f).containsExactly("a", "b", "c");
  }
}
