package io.dockwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutageTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Outage outage = new Outage();

  @Test
  void failed_manyTimesInARow_startsOneOutage() {
    boolean first = outage.failed(T0);
    boolean second = outage.failed(T0.plusSeconds(1));
    boolean third = outage.failed(T0.plusSeconds(3));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(third).isFalse();
    assertThat(outage.ongoing()).isTrue();
  }

  @Test
  void succeeded_afterFailures_endsTheOutageWithItsLengthAndAttempts() {
    outage.failed(T0);
    outage.failed(T0.plusSeconds(2));

    var ended = outage.succeeded(T0.plusSeconds(7));

    assertThat(ended).contains(new Outage.Ended(Duration.ofSeconds(7), 2));
    assertThat(outage.ongoing()).isFalse();
  }

  @Test
  void succeeded_withoutOutage_reportsNothing() {
    var ended = outage.succeeded(T0);

    assertThat(ended).isEmpty();
  }

  @Test
  void failed_afterAnOutageEnded_startsANewOne() {
    outage.failed(T0);
    outage.succeeded(T0.plusSeconds(1));

    boolean starts = outage.failed(T0.plusSeconds(2));

    assertThat(starts).isTrue();
  }
}
