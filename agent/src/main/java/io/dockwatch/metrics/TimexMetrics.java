package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.counter;
import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.host.Timex;
import io.dockwatch.host.Timex.Reading;
import java.util.List;

/**
 * The kernel's clock discipline from {@code adjtimex(2)}, with node_exporter's names and its
 * conversions to seconds, hertz and ratios. A clock that no NTP daemon keeps in step reports {@code
 * node_timex_sync_status} 0; dashboards alert on that and on the offset.
 */
final class TimexMetrics implements HostArea {
  static final String COLLECTOR = "timex";

  static final MetricFamily SYNC_STATUS =
      gauge(
          "node_timex_sync_status",
          "Whether the clock is synchronized to a reliable server (1) or not (0).");
  static final MetricFamily OFFSET =
      gauge("node_timex_offset_seconds", "Offset of the clock from its reference, in seconds.");
  static final MetricFamily FREQUENCY =
      gauge(
          "node_timex_frequency_adjustment_ratio",
          "Rate the kernel runs the clock at to steer it, as a ratio to its nominal rate.");
  static final MetricFamily MAX_ERROR =
      gauge("node_timex_maxerror_seconds", "Maximum error of the clock, in seconds.");
  static final MetricFamily ESTIMATED_ERROR =
      gauge("node_timex_estimated_error_seconds", "Estimated error of the clock, in seconds.");
  static final MetricFamily STATUS =
      gauge("node_timex_status", "The clock discipline's status bits, as a number.");
  static final MetricFamily LOOP_TIME_CONSTANT =
      gauge("node_timex_loop_time_constant", "Time constant of the phase-locked loop.");
  static final MetricFamily TICK =
      gauge("node_timex_tick_seconds", "Time between two clock ticks, in seconds.");
  static final MetricFamily PPS_FREQUENCY =
      gauge(
          "node_timex_pps_frequency_hertz",
          "Frequency offset measured from the pulse-per-second signal, in hertz.");
  static final MetricFamily PPS_JITTER =
      gauge("node_timex_pps_jitter_seconds", "Jitter of the pulse-per-second signal, in seconds.");
  static final MetricFamily PPS_SHIFT =
      gauge(
          "node_timex_pps_shift_seconds",
          "Base-2 logarithm of the pulse-per-second calibration interval in seconds.");
  static final MetricFamily PPS_STABILITY =
      gauge(
          "node_timex_pps_stability_hertz",
          "Stability of the pulse-per-second signal: the average of recent frequency changes.");
  static final MetricFamily PPS_JITTER_EVENTS =
      counter(
          "node_timex_pps_jitter_total",
          "Pulse-per-second samples that exceeded the jitter limit.");
  static final MetricFamily PPS_CALIBRATIONS =
      counter("node_timex_pps_calibration_total", "Pulse-per-second calibration intervals.");
  static final MetricFamily PPS_ERRORS =
      counter("node_timex_pps_error_total", "Pulse-per-second calibration errors.");
  static final MetricFamily PPS_STABILITY_EVENTS =
      counter(
          "node_timex_pps_stability_exceeded_total",
          "Pulse-per-second samples that exceeded the stability limit.");
  static final MetricFamily TAI_OFFSET =
      gauge(
          "node_timex_tai_offset_seconds",
          "Offset of International Atomic Time from the clock, in seconds.");

  private static final double MICROSECONDS = 1e6;
  private static final double NANOSECONDS = 1e9;

  /** The kernel's frequencies are parts per million with a 16-bit binary fraction. */
  private static final double PPM_16_FRACTION = 1e6 * 65536;

  private final Timex timex;

  TimexMetrics(Timex timex) {
    this.timex = timex;
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part(COLLECTOR, this::collect));
  }

  private boolean collect(Families out) {
    if (timex.read() instanceof Reading r) {
      add(r, out);
      return true;
    }
    return false;
  }

  static void add(Reading r, Families out) {
    double offsetUnit = r.nanoseconds() ? NANOSECONDS : MICROSECONDS;
    out.add(SYNC_STATUS, r.state() == Reading.TIME_ERROR ? 0 : 1);
    out.add(OFFSET, r.offset() / offsetUnit);
    out.add(FREQUENCY, 1 + r.freq() / PPM_16_FRACTION);
    out.add(MAX_ERROR, r.maxError() / MICROSECONDS);
    out.add(ESTIMATED_ERROR, r.estError() / MICROSECONDS);
    out.add(STATUS, r.status());
    out.add(LOOP_TIME_CONSTANT, r.constant());
    out.add(TICK, r.tick() / MICROSECONDS);
    out.add(PPS_FREQUENCY, r.ppsFreq() / PPM_16_FRACTION);
    out.add(PPS_JITTER, r.jitter() / offsetUnit);
    out.add(PPS_SHIFT, r.shift());
    out.add(PPS_STABILITY, r.stabil() / PPM_16_FRACTION);
    out.add(PPS_JITTER_EVENTS, r.jitterCount());
    out.add(PPS_CALIBRATIONS, r.calibrationCount());
    out.add(PPS_ERRORS, r.errorCount());
    out.add(PPS_STABILITY_EVENTS, r.stabilityCount());
    out.add(TAI_OFFSET, r.tai());
  }
}
