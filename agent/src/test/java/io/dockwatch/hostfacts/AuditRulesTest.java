package io.dockwatch.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditRulesTest {
  private static AuditRules rules(String... lines) {
    return new AuditRules(AuditRules.parse(List.of(lines)), List.of("test.rules"));
  }

  @Test
  void covers_watchOnAFileWhoseNameContainsAnother_doesNotCoverTheOther() {
    AuditRules rules = rules("-w /usr/bin/containerd-shim -k docker");

    assertThat(rules.covers(List.of("/usr/bin/containerd"))).isFalse();
    assertThat(rules.covers(List.of("/usr/bin/containerd-shim"))).isTrue();
  }

  @Test
  void covers_directoryWatch_coversWhatIsBeneath() {
    AuditRules rules = rules("-w /etc/docker/ -p wa -k docker");

    assertThat(rules.covers(List.of("/etc/docker/daemon.json"))).isTrue();
    assertThat(rules.covers(List.of("/etc/dockerfile"))).isFalse();
  }

  @Test
  void parse_syscallRulesWithPathOrDir_areWatches() {
    Set<String> watched =
        AuditRules.parse(
            List.of(
                "-a always,exit -F path=/usr/bin/runc -F perm=x -k docker",
                "-a exit,always -F dir=/var/lib/docker -F perm=wa"));

    assertThat(watched).containsExactlyInAnyOrder("/usr/bin/runc", "/var/lib/docker");
  }

  @Test
  void parse_commentsDeletionsAndRemovals_areApplied() {
    Set<String> watched =
        AuditRules.parse(
            List.of(
                "-w /usr/bin/dockerd",
                "-D",
                "# -w /etc/docker",
                "-w /run/containerd",
                "-w /etc/default/docker",
                "-W /etc/default/docker"));

    assertThat(watched).containsExactly("/run/containerd");
  }
}
