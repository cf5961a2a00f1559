package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.passes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.hostfacts.FileStat;
import io.dockwatch.hostfacts.HostFile;
import org.junit.jupiter.api.Test;

class CisMountRulesTest {
  private final Checks checks = Checks.standard();

  /** The etc-rw container with its writable mount's source changed. */
  private static ContainerSnapshot bind(String source) {
    return Fixtures.container(
        "etc-rw", c -> ((ObjectNode) c.path("Mounts").get(0)).put("Source", source));
  }

  @Test
  void sensitive_writableEtc_failsAndReadOnlyUsrPasses() {
    fails(checks.outcome("cis.5.6", Fixtures.container("etc-rw")), "/host-etc");
  }

  @Test
  void sensitive_pathBeneathASensitiveDirectory_fails() {
    fails(checks.outcome("cis.5.6", bind("/etc/cron.d")), "/host-etc");
    fails(checks.outcome("cis.5.6", bind("/")), "/host-etc");
    passes(checks.outcome("cis.5.6", bind("/etcetera")));
    passes(checks.outcome("cis.5.6", bind("/srv/data")));
  }

  @Test
  void propagation_rshared_fails() {
    fails(checks.outcome("cis.5.20", Fixtures.container("shared")), "/mnt");
    passes(checks.outcome("cis.5.20", Fixtures.container("etc-rw")));
  }

  @Test
  void engineSocket_mountedReadOnly_stillFails() {
    fails(checks.outcome("cis.5.32", Fixtures.container("docker-sock")), "/var/run/docker.sock");
  }

  @Test
  void engineSocket_directoryHoldingIt_fails() {
    fails(checks.outcome("cis.5.32", bind("/var/run")), "/host-etc");
    passes(checks.outcome("cis.5.32", Fixtures.container("etc-rw")));
  }

  @Test
  void engineSocket_otherNameWhereTheDaemonListens_fails() {
    Checks custom =
        Checks.with(
            new FactsBuilder()
                .file(
                    HostFile.ENGINE_SOCKET,
                    new FileStat(
                        "/srv/engine.sock",
                        "/srv/engine.sock",
                        true,
                        FileStat.Kind.SOCKET,
                        0,
                        0,
                        0660))
                .build(Checks.NOW));

    fails(custom.outcome("cis.5.32", bind("/srv/engine.sock")), "/host-etc");
  }
}
