package io.dockwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final LogThrottle throttle = new LogThrottle(clock, Duration.ofMinutes(1));

  @Test
  void permit_first_isGrantedWithNothingHeld() {
    assertThat(throttle.permit()).hasValue(0);
  }

  @Test
  void permit_againWithinTheInterval_staysQuiet() {
    throttle.permit();
    clock.advance(Duration.ofSeconds(59));

    OptionalLong second = throttle.permit();

    assertThat(second).isEmpty();
  }

  @Test
  void permit_afterTheInterval_isGrantedCountingTheQuietOnes() {
    throttle.permit();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(10));
      throttle.permit();
    }
    clock.advance(Duration.ofSeconds(10));

    OptionalLong next = throttle.permit();

    assertThat(next).hasValue(5);
  }
}
