package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final LogThrottle throttle = new LogThrottle(clock, Duration.ofMinutes(10));

  @Test
  void allow_sameKeyWithinTheQuietPeriod_isRefused() {
    throttle.allow("cgroup:abc");
    clock.advance(Duration.ofMinutes(9));

    boolean again = throttle.allow("cgroup:abc");

    assertThat(again).isFalse();
  }

  @Test
  void allow_sameKeyAfterTheQuietPeriod_isAllowed() {
    throttle.allow("cgroup:abc");
    clock.advance(Duration.ofMinutes(10));

    boolean again = throttle.allow("cgroup:abc");

    assertThat(again).isTrue();
  }

  @Test
  void allow_otherKey_isAllowed() {
    throttle.allow("cgroup:abc");

    boolean other = throttle.allow("cgroup:def");

    assertThat(other).isTrue();
  }
}
