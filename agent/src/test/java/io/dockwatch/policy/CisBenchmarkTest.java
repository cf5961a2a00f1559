package io.dockwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CisBenchmarkTest {
  @Test
  void number_v180_shiftsSection2From7To18() {
    assertThat(CisBenchmark.V1_8_0.number("2.6")).isEqualTo("2.6");
    assertThat(CisBenchmark.V1_8_0.number("2.7")).isEqualTo("2.8");
    assertThat(CisBenchmark.V1_8_0.number("2.18")).isEqualTo("2.19");
    assertThat(CisBenchmark.V1_8_0.number("5.23,5.24")).isEqualTo("5.23,5.24");
    assertThat(CisBenchmark.V1_8_0.number("1.1.7")).isEqualTo("1.1.7");
  }

  @Test
  void number_olderVersions_keepV160Numbers() {
    assertThat(CisBenchmark.V1_6_0.number("2.13")).isEqualTo("2.13");
    assertThat(CisBenchmark.V1_7_0.number("2.13")).isEqualTo("2.13");
    assertThat(CisBenchmark.V1_7_0.number("")).isEmpty();
  }

  @Test
  void parse_unknownVersion_isEmpty() {
    assertThat(CisBenchmark.parse("1.8.0")).contains(CisBenchmark.V1_8_0);
    assertThat(CisBenchmark.parse("1.5.0")).isEmpty();
  }
}
