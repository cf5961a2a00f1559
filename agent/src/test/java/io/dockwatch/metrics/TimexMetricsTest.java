package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.dockwatch.host.Timex;
import io.dockwatch.host.Timex.Reading;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

class TimexMetricsTest {

  private static Reading reading(int state, long offset, int status, long jitter) {
    return new Reading(
        state,
        offset,
        0,
        16_000_000,
        16_000_000,
        status,
        2,
        10_000,
        0,
        jitter,
        0,
        0,
        0,
        0,
        0,
        0,
        0);
  }

  private record Outcome(boolean answered, MetricSnapshots snapshots) {}

  private static Outcome collect(Timex.Result result) {
    Families out = new Families();
    boolean answered = new TimexMetrics(new FakeTimex(result)).parts().get(0).collect().into(out);
    return new Outcome(answered, out.build());
  }

  private static double value(MetricSnapshots snapshots, MetricFamily family) {
    String line = Exposition.series(snapshots, family.name()).get(0);
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  @Test
  void collect_nanosecondStatus_readsTheOffsetInNanoseconds() {
    Outcome o = collect(reading(0, 1_500_000, Reading.STA_NANO, 2_000));

    MetricSnapshots s = o.snapshots();
    assertThat(o.answered()).isTrue();
    assertThat(value(s, TimexMetrics.OFFSET)).isEqualTo(0.0015);
    assertThat(value(s, TimexMetrics.PPS_JITTER)).isEqualTo(2e-6);
  }

  @Test
  void collect_microsecondStatus_readsTheOffsetInMicroseconds() {
    MetricSnapshots s = collect(reading(0, 1_500, 0, 2)).snapshots();

    assertThat(value(s, TimexMetrics.OFFSET)).isEqualTo(0.0015);
    assertThat(value(s, TimexMetrics.PPS_JITTER)).isEqualTo(2e-6);
  }

  @Test
  void collect_timeErrorState_reportsNotSynchronized() {
    MetricSnapshots s = collect(reading(Reading.TIME_ERROR, 0, 0x40, 0)).snapshots();

    assertThat(value(s, TimexMetrics.SYNC_STATUS)).isZero();
    assertThat(value(s, TimexMetrics.STATUS)).isEqualTo(64);
    assertThat(value(s, TimexMetrics.MAX_ERROR)).isEqualTo(16);
    assertThat(value(s, TimexMetrics.TICK)).isEqualTo(0.01);
  }

  @Test
  void collect_insertLeapSecondState_isStillSynchronized() {
    MetricSnapshots s = collect(reading(1, 0, 0x10, 0)).snapshots();

    assertThat(value(s, TimexMetrics.SYNC_STATUS)).isEqualTo(1);
  }

  @Test
  void collect_steeredClock_givesTheFrequencyAsARatio() {
    MetricSnapshots s = collect(FakeTimex.SYNCHRONIZED).snapshots();

    assertThat(value(s, TimexMetrics.FREQUENCY)).isCloseTo(1 - 12.5e-6, offset(1e-12));
    assertThat(value(s, TimexMetrics.OFFSET)).isEqualTo(0.00025);
    assertThat(value(s, TimexMetrics.TAI_OFFSET)).isEqualTo(37);
  }

  @Test
  void collect_callFails_addsNothingAndIsNotAnswered() {
    Outcome o = collect(new Timex.Failure("operation not permitted"));

    assertThat(o.answered()).isFalse();
    assertThat(o.snapshots().size()).isZero();
  }
}
