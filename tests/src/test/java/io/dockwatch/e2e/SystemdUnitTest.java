package io.dockwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped unit, checked by systemd's own analyzer rather than by reading it. */
class SystemdUnitTest {
  private static final Path UNIT = Path.of("..", "systemd", "dockwatch.service");

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s said:%n%s", command, out).isZero();
    return out;
  }

  private static boolean analyzerPresent() {
    return Files.isExecutable(Path.of("/usr/bin/systemd-analyze"));
  }

  @Test
  void verify_shippedUnit_hasNoErrors(@TempDir Path dir) throws Exception {
    assumeTrue(analyzerPresent(), "systemd-analyze is not installed");
    Path copy = Files.copy(UNIT, dir.resolve("dockwatch.service"));

    String out = run(List.of("systemd-analyze", "verify", copy.toString()));

    assertThat(out).doesNotContainIgnoringCase("unknown").doesNotContainIgnoringCase("invalid");
  }

  @Test
  void security_shippedUnit_exposureIsAtMostTwo(@TempDir Path dir) throws Exception {
    assumeTrue(analyzerPresent(), "systemd-analyze is not installed");
    Path copy = Files.copy(UNIT, dir.resolve("dockwatch.service"));

    String out =
        run(
            List.of(
                "systemd-analyze", "security", "--offline=true", "--no-pager", copy.toString()));

    Matcher m = Pattern.compile("Overall exposure level for \\S+: ([0-9.]+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isLessThanOrEqualTo(2.0);
  }

  @Test
  void unit_configurationError_isNotRestarted_andReloadSendsHangup() throws Exception {
    String unit = Files.readString(UNIT);

    assertThat(unit)
        .contains("RestartPreventExitStatus=78")
        .contains("Restart=on-failure")
        .contains("ExecReload=/bin/kill -HUP $MAINPID")
        .contains("--config /etc/dockwatch/dockwatch.toml");
  }
}
