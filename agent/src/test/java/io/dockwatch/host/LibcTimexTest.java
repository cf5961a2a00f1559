package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.host.Timex.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The real call on this machine: the numbers must be in the ranges a Linux kernel gives. */
@EnabledOnOs(OS.LINUX)
class LibcTimexTest {

  @Test
  void read_onThisMachine_givesTheKernelsClockState() {
    Timex.Result result = new LibcTimex().read();

    assertThat(result).isInstanceOf(Reading.class);
    Reading r = (Reading) result;
    assertThat(r.state()).as("TIME_OK..TIME_ERROR").isBetween(0, Reading.TIME_ERROR);
    // USER_HZ is 100 to 1000: a tick of 1 to 10 ms, give or take the NTP daemon's steering.
    assertThat(r.tick()).isBetween(900L, 11_000L);
    // The kernel caps the maximum error at 16 s (NTP_PHASE_LIMIT) and offsets at half a second.
    assertThat(r.maxError()).isBetween(0L, 16_000_000L);
    assertThat(r.estError()).isBetween(0L, 16_000_000L);
    assertThat(Math.abs(r.offset())).isLessThanOrEqualTo(r.nanoseconds() ? 500_000_000 : 500_000);
    // The kernel clamps the frequency to 500 ppm (MAXFREQ), in units of 2^-16 ppm.
    assertThat(Math.abs(r.freq())).isLessThanOrEqualTo(500L << 16);
    assertThat(r.constant()).isBetween(0L, 10L);
  }

  @Test
  @EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64|aarch64")
  void timexStruct_onLp64_hasTheKernelsSizeOf208Bytes() {
    LibcTimex.TimexStruct struct = new LibcTimex.TimexStruct();
    struct.status = 0x2001;
    struct.tai = 37;

    struct.write();

    assertThat(struct.size()).isEqualTo(208);
    assertThat(struct.getPointer().getInt(40)).isEqualTo(0x2001);
    assertThat(struct.getPointer().getInt(160)).isEqualTo(37);
  }
}
