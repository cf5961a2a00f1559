package io.dockwatch.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerGroupTest {
  @Test
  void parse_listedAndPrimaryMembers_areBothMembers() {
    List<String> group = List.of("root:x:0:", "docker:x:998:alice,bob", "users:x:100:");
    List<String> passwd =
        List.of(
            "root:x:0:0::/root:/bin/sh",
            "ci:x:1001:998::/home/ci:/bin/sh",
            "eve:x:1002:100::/:/bin/sh");

    DockerGroup g = DockerGroup.parse("docker", group, passwd).orElseThrow();

    assertThat(g.gid()).isEqualTo(998);
    assertThat(g.members()).containsExactly("alice", "bob", "ci");
  }

  @Test
  void parse_noSuchGroup_isEmpty() {
    assertThat(DockerGroup.parse("docker", List.of("root:x:0:"), List.of())).isEmpty();
  }
}
