package io.dockwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

  @Test
  void gzip_prometheusHeader_isAccepted() {
    assertThat(AcceptEncoding.gzip("gzip")).isTrue();
  }

  @Test
  void gzip_amongOthersWithWeights_isAccepted() {
    assertThat(AcceptEncoding.gzip("br;q=1.0, GZIP;q=0.8, deflate")).isTrue();
  }

  @Test
  void gzip_weightZero_isRefusedEvenWithAWildcard() {
    assertThat(AcceptEncoding.gzip("gzip;q=0, *;q=1")).isFalse();
  }

  @Test
  void gzip_wildcardOnly_isAccepted() {
    assertThat(AcceptEncoding.gzip("*")).isTrue();
  }

  @Test
  void gzip_noHeaderOrOtherCodingsOrUnreadableWeight_isRefused() {
    assertThat(AcceptEncoding.gzip(null)).isFalse();
    assertThat(AcceptEncoding.gzip("identity, br")).isFalse();
    assertThat(AcceptEncoding.gzip("gzip;q=high")).isFalse();
  }
}
