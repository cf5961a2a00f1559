package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.informs;
import static io.dockwatch.policy.OutcomeAssert.passes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dockwatch.hostfacts.FileStat;
import io.dockwatch.hostfacts.HostFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CisHostRulesTest {
  private static FileStat present(String path) {
    return new FileStat(path, path, true, FileStat.Kind.FILE, 0, 0, 0644);
  }

  @Test
  void dataPartition_dataRootIsAMountPoint_passes() {
    passes(
        Checks.with(new FactsBuilder().mounts("/", "/tmp/dk/data").build(Checks.NOW))
            .hostOutcome("cis.1.1.1"));
    fails(
        Checks.with(new FactsBuilder().mounts("/", "/tmp").build(Checks.NOW))
            .hostOutcome("cis.1.1.1"),
        "/tmp/dk/data");
  }

  @Test
  void dataPartition_userNamespaceSubdirectory_checksItsParent() {
    FactsBuilder facts =
        new FactsBuilder()
            .engine(
                Fixtures.engine(
                    i -> {
                      i.put("DockerRootDir", "/var/lib/docker/100000.100000");
                      ((ArrayNode) i.path("SecurityOptions")).add("name=userns");
                    }))
            .mounts("/", "/var/lib/docker");

    passes(Checks.with(facts.build(Checks.NOW)).hostOutcome("cis.1.1.1"));
  }

  @Test
  void trustedUsers_withoutAList_listsTheMembers() {
    Outcome o =
        Checks.with(new FactsBuilder().group(998, "alice", "ci").build(Checks.NOW))
            .hostOutcome("cis.1.1.2");

    informs(o);
    assertThat(((Outcome.Info) o).evidence()).containsEntry("members", List.of("alice", "ci"));
  }

  @Test
  void trustedUsers_memberOutsideTheList_fails() {
    Checks checks =
        new Checks(
            Fixtures.policy("[rules.settings.\"cis.1.1.2\"]\ntrusted_users = [\"alice\"]\n"),
            new FactsBuilder().group(998, "alice", "ci").build(Checks.NOW),
            Map.of());

    fails(checks.hostOutcome("cis.1.1.2"), "ci");
  }

  @Test
  void auditWatch_ruleOnALongerNameAlike_doesNotCount() {
    Checks checks =
        Checks.with(
            new FactsBuilder()
                .file(HostFile.CONTAINERD_BINARY, present("/usr/bin/containerd"))
                .file(HostFile.SHIM_BINARY, present("/usr/bin/containerd-shim"))
                .audit("-w /usr/bin/containerd-shim -k docker")
                .build(Checks.NOW));

    fails(checks.hostOutcome("cis.1.1.14"), "/usr/bin/containerd");
    passes(checks.hostOutcome("cis.1.1.15"));
  }

  @Test
  void auditWatch_directoryWatchCoversTheFileBeneath() {
    Checks checks =
        Checks.with(
            new FactsBuilder()
                .file(HostFile.DAEMON_JSON, present("/etc/docker/daemon.json"))
                .audit("-w /etc/docker -k docker")
                .build(Checks.NOW));

    passes(checks.hostOutcome("cis.1.1.11"));
  }

  @Test
  void auditWatch_absentFile_informsUnlessTheCheckAlwaysApplies() {
    Checks checks =
        Checks.with(
            new FactsBuilder()
                .file(HostFile.ETC_DEFAULT_DOCKER, FileStat.absent("/etc/default/docker"))
                .file(HostFile.DOCKERD_BINARY, FileStat.absent("/usr/bin/dockerd"))
                .audit()
                .build(Checks.NOW));

    informs(checks.hostOutcome("cis.1.1.10"));
    fails(checks.hostOutcome("cis.1.1.3"), "/usr/bin/dockerd");
  }

  @Test
  void auditWatch_rulesUnknown_informs() {
    informs(
        Checks.with(
                new FactsBuilder()
                    .file(HostFile.RUNC_BINARY, present("/usr/bin/runc"))
                    .build(Checks.NOW))
            .hostOutcome("cis.1.1.18"));
  }
}
