package io.dockwatch.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;

/**
 * {@link Timex} through the C library's {@code adjtimex}, called with {@code modes} 0 so that it
 * only reads: it never sets or steers the clock, and needs no privilege.
 */
public final class LibcTimex implements Timex {

  @Override
  public Result read() {
    TimexStruct buf = new TimexStruct();
    int state;
    try {
      state = CLibrary.INSTANCE.adjtimex(buf);
    } catch (LastErrorException e) {
      return new Failure(Errno.describe(e.getErrorCode()));
    } catch (LinkageError e) {
      return new Failure("adjtimex unavailable");
    }
    return new Reading(
        state,
        buf.offset.longValue(),
        buf.freq.longValue(),
        buf.maxerror.longValue(),
        buf.esterror.longValue(),
        buf.status,
        buf.constant.longValue(),
        buf.tick.longValue(),
        buf.ppsfreq.longValue(),
        buf.jitter.longValue(),
        buf.shift,
        buf.stabil.longValue(),
        buf.jitcnt.longValue(),
        buf.calcnt.longValue(),
        buf.errcnt.longValue(),
        buf.stbcnt.longValue(),
        buf.tai);
  }

  /** The C library, loaded on first use so that a machine without it fails one call, not start. */
  private interface CLibrary extends Library {
    CLibrary INSTANCE = Native.load("c", CLibrary.class);

    int adjtimex(TimexStruct buf) throws LastErrorException;
  }

  /**
   * {@code struct timex} of the C library. On x86_64 and aarch64 (LP64) each {@code long} field is
   * 8 bytes, the {@code int} fields are padded to 8, and the struct is 208 bytes with {@code tai}
   * at offset 160; {@link NativeLong} follows the platform's {@code long}, so on 32-bit platforms
   * the same declaration gives glibc's 128-byte layout of 4-byte fields. It would differ on x32,
   * where the kernel's fields stay 8 bytes while {@code long} is 4, and for the 64-bit-time variant
   * that 32-bit glibc builds select with {@code _TIME_BITS=64}; no JVM runs on either.
   */
  @Structure.FieldOrder({
    "modes",
    "offset",
    "freq",
    "maxerror",
    "esterror",
    "status",
    "constant",
    "precision",
    "tolerance",
    "time",
    "tick",
    "ppsfreq",
    "jitter",
    "shift",
    "stabil",
    "jitcnt",
    "calcnt",
    "errcnt",
    "stbcnt",
    "tai",
    "reserved"
  })
  public static final class TimexStruct extends Structure {
    /** 0: read only. */
    public int modes;

    public NativeLong offset;
    public NativeLong freq;
    public NativeLong maxerror;
    public NativeLong esterror;
    public int status;
    public NativeLong constant;
    public NativeLong precision;
    public NativeLong tolerance;
    public Timeval time;
    public NativeLong tick;
    public NativeLong ppsfreq;
    public NativeLong jitter;
    public int shift;
    public NativeLong stabil;
    public NativeLong jitcnt;
    public NativeLong calcnt;
    public NativeLong errcnt;
    public NativeLong stbcnt;
    public int tai;

    /** The kernel's room for future fields: eleven 32-bit words. */
    public int[] reserved = new int[11];
  }

  /** {@code struct timeval}: the clock's time, which this reader does not use. */
  @Structure.FieldOrder({"tvSec", "tvUsec"})
  public static final class Timeval extends Structure {
    public NativeLong tvSec;
    public NativeLong tvUsec;
  }
}
