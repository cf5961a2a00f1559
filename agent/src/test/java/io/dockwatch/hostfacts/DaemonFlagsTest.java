package io.dockwatch.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonFlagsTest {

  @Test
  void parse_flagGivenTwice_lastOccurrenceWins() {
    List<String> args = List.of("--log-level", "debug", "--log-level=warn");

    DaemonFlags flags = DaemonFlags.parse(args);

    assertThat(flags.value("log-level")).contains("warn");
  }

  @Test
  void parse_shortAndLongForms_areOneFlag() {
    List<String> args = List.of("-l", "debug", "--log-level", "error", "-l", "info");

    DaemonFlags flags = DaemonFlags.parse(args);

    assertThat(flags.value("log-level")).contains("info");
    assertThat(flags.has("l")).isFalse();
  }

  @Test
  void parse_listFlags_accumulateInOrder() {
    List<String> args =
        List.of("-H", "unix:///var/run/docker.sock", "--host=tcp://0.0.0.0:2375", "-Hfd://");

    DaemonFlags flags = DaemonFlags.parse(args);

    assertThat(flags.values("host"))
        .containsExactly("unix:///var/run/docker.sock", "tcp://0.0.0.0:2375", "fd://");
  }

  @Test
  void parse_booleanFlag_neverTakesTheNextWord() {
    List<String> args = List.of("--tlsverify", "--tlscacert", "/etc/ca.pem", "--icc=false", "-D");

    DaemonFlags flags = DaemonFlags.parse(args);

    assertThat(flags.value("tlsverify")).contains("true");
    assertThat(flags.value("tlscacert")).contains("/etc/ca.pem");
    assertThat(flags.value("icc")).contains("false");
    assertThat(flags.value("debug")).contains("true");
  }

  @Test
  void parse_deprecatedGraph_isTheDataRoot() {
    List<String> args = List.of("-g", "/srv/docker");

    DaemonFlags flags = DaemonFlags.parse(args);

    assertThat(flags.value("data-root")).contains("/srv/docker");
  }

  @Test
  void parse_realDaemonCommandLine_readsEveryFlag() {
    List<String> args =
        List.of(
            "--host",
            "unix:///tmp/dk/docker.sock",
            "--data-root",
            "/tmp/dk/data",
            "--exec-root",
            "/tmp/dk/exec",
            "--pidfile",
            "/tmp/dk/docker.pid");

    DaemonFlags flags = DaemonFlags.parse(args);

    assertThat(flags.asMap())
        .containsOnlyKeys("host", "data-root", "exec-root", "pidfile")
        .containsEntry("data-root", List.of("/tmp/dk/data"));
  }
}
