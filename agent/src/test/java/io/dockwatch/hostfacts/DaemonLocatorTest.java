package io.dockwatch.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonLocatorTest {
  private static DaemonConfig daemon(long pid, String... args) {
    return new DaemonConfig(
        pid, DaemonFlags.parse(List.of(args)), "/etc/docker/daemon.json", null, Optional.empty());
  }

  @Test
  void choose_userNamespaceSubdirectory_matchesItsParent() {
    List<DaemonConfig> all = List.of(daemon(1, "--data-root", "/srv/a"), daemon(2));

    assertThat(DaemonLocator.choose(all, "/var/lib/docker/100000.100000"))
        .map(DaemonConfig::pid)
        .contains(2L);
  }

  @Test
  void choose_loneDaemonOfAnotherDataRoot_isTakenAsItIs() {
    assertThat(DaemonLocator.choose(List.of(daemon(7)), "/elsewhere"))
        .map(DaemonConfig::pid)
        .contains(7L);
  }

  @Test
  void choose_severalAndNoneMatching_isEmpty() {
    List<DaemonConfig> all = List.of(daemon(1, "-g", "/a"), daemon(2, "-g", "/b"));

    assertThat(DaemonLocator.choose(all, "/c")).isEmpty();
  }
}
