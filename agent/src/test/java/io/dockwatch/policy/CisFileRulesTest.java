package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.informs;
import static io.dockwatch.policy.OutcomeAssert.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.hostfacts.FileStat;
import io.dockwatch.hostfacts.HostFile;
import org.junit.jupiter.api.Test;

class CisFileRulesTest {
  private static FileStat stat(String path, int uid, int gid, int mode) {
    return new FileStat(path, path, true, FileStat.Kind.FILE, uid, gid, mode);
  }

  private static Outcome file(String rule, HostFile f, FileStat s) {
    return Checks.with(new FactsBuilder().file(f, s).group(998, "alice").build(Checks.NOW))
        .hostOutcome(rule);
  }

  @Test
  void mode_comparedAsBits_failsWhatADecimalComparisonPasses() {
    String unit = "/lib/systemd/system/docker.service";

    passes(file("cis.3.2", HostFile.DOCKER_SERVICE_UNIT, stat(unit, 0, 0, 0644)));
    Outcome o = file("cis.3.2", HostFile.DOCKER_SERVICE_UNIT, stat(unit, 0, 0, 0460));

    fails(o, unit);
    assertThat(o.violations().get(0).message()).contains("0460", "0020 beyond 0644");
  }

  @Test
  void mode_socketLimit660_failsWorldBits() {
    String sock = "/var/run/docker.sock";

    passes(file("cis.3.16", HostFile.ENGINE_SOCKET, stat(sock, 0, 998, 0660)));
    fails(file("cis.3.16", HostFile.ENGINE_SOCKET, stat(sock, 0, 998, 0607)), sock);
  }

  @Test
  void mode_tlsKey_atMost400() {
    passes(file("cis.3.14", HostFile.TLS_KEY, stat("/etc/docker/key.pem", 0, 0, 0400)));
    fails(
        file("cis.3.14", HostFile.TLS_KEY, stat("/etc/docker/key.pem", 0, 0, 0440)),
        "/etc/docker/key.pem");
  }

  @Test
  void owner_engineSocket_mustBeRootAndTheDockerGroup() {
    String sock = "/var/run/docker.sock";

    passes(file("cis.3.15", HostFile.ENGINE_SOCKET, stat(sock, 0, 998, 0660)));
    fails(file("cis.3.15", HostFile.ENGINE_SOCKET, stat(sock, 0, 0, 0660)), sock);
    passes(
        Checks.with(
                new FactsBuilder()
                    .file(HostFile.ENGINE_SOCKET, stat(sock, 0, 0, 0660))
                    .build(Checks.NOW))
            .hostOutcome("cis.3.15"));
  }

  @Test
  void owner_daemonJsonOfAnotherUser_fails() {
    fails(
        file("cis.3.17", HostFile.DAEMON_JSON, stat("/etc/docker/daemon.json", 1000, 0, 0644)),
        "/etc/docker/daemon.json");
    passes(file("cis.3.17", HostFile.DAEMON_JSON, stat("/etc/docker/daemon.json", 0, 0, 0644)));
  }

  @Test
  void files_absentOrNotConfigured_inform() {
    informs(file("cis.3.19", HostFile.ETC_DEFAULT_DOCKER, FileStat.absent("/etc/default/docker")));
    informs(Checks.standard().hostOutcome("cis.3.9"));
  }

  @Test
  void registryCerts_eachFileIsJudged() {
    Checks checks =
        Checks.with(
            new FactsBuilder()
                .cert(stat("/etc/docker/certs.d/a/ca.crt", 0, 0, 0444))
                .cert(stat("/etc/docker/certs.d/b/ca.crt", 0, 1000, 0644))
                .build(Checks.NOW));

    fails(checks.hostOutcome("cis.3.7"), "/etc/docker/certs.d/b/ca.crt");
    fails(checks.hostOutcome("cis.3.8"), "/etc/docker/certs.d/b/ca.crt");
    informs(Checks.standard().hostOutcome("cis.3.7"));
  }
}
