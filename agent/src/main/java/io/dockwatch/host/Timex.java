package io.dockwatch.host;

/**
 * The kernel's clock discipline as {@code adjtimex(2)} reports it when asked to change nothing: how
 * far the clock is off, how it is being steered, and whether an NTP daemon keeps it synchronized.
 */
public interface Timex {

  Result read();

  /** The outcome of one call: the kernel's answer, or why it gave none. */
  sealed interface Result permits Reading, Failure {}

  /**
   * The fields of {@code struct timex} in the kernel's own units, which differ from field to field
   * (see {@code adjtimex(2)}): {@code offset} and {@code jitter} count microseconds, or nanoseconds
   * when {@link #STA_NANO} is set in {@code status}; {@code maxError}, {@code estError} and {@code
   * tick} count microseconds; {@code freq}, {@code ppsFreq} and {@code stabil} count parts per
   * million with a 16-bit binary fraction.
   *
   * @param state the call's return value, the clock's state: {@link #TIME_ERROR} when the clock is
   *     not synchronized
   */
  record Reading(
      int state,
      long offset,
      long freq,
      long maxError,
      long estError,
      int status,
      long constant,
      long tick,
      long ppsFreq,
      long jitter,
      int shift,
      long stabil,
      long jitterCount,
      long calibrationCount,
      long errorCount,
      long stabilityCount,
      int tai)
      implements Result {
    /** The state {@code adjtimex} returns while the clock is not synchronized. */
    public static final int TIME_ERROR = 5;

    /** The bit of {@code status} that says offsets count nanoseconds, not microseconds. */
    public static final int STA_NANO = 0x2000;

    /** Whether {@code offset} and {@code jitter} count nanoseconds. */
    public boolean nanoseconds() {
      return (status & STA_NANO) != 0;
    }
  }

  /** A short, bounded reason, such as {@code operation not permitted}. */
  record Failure(String error) implements Result {}
}
