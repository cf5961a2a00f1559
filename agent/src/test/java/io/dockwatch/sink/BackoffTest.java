package io.dockwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

  @Test
  void delayAfter_consecutiveFailures_doublesFromTheInitialDelay() {
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void delayAfter_manyFailures_staysAtTheCap() {
    assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void constructor_capBelowInitial_isRejected() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
