package io.dockwatch.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostRootTest {
  @TempDir Path root;

  /** Links to absolute paths are removed here: they point outside the temporary directory. */
  @AfterEach
  void removeAbsoluteLinks() throws IOException {
    Files.deleteIfExists(root.resolve("var/run"));
    Files.deleteIfExists(root.resolve("a"));
    Files.deleteIfExists(root.resolve("b"));
  }

  @Test
  void resolve_absoluteLink_staysInsideTheRoot() throws Exception {
    Files.createDirectories(root.resolve("run"));
    Files.createFile(root.resolve("run/docker.sock"));
    Files.createDirectories(root.resolve("var"));
    Files.createSymbolicLink(root.resolve("var/run"), Path.of("/run"));

    HostRoot host = new HostRoot(root);

    assertThat(host.hostPathOf("/var/run/docker.sock")).contains("/run/docker.sock");
    assertThat(host.resolve("/var/run/docker.sock")).contains(root.resolve("run/docker.sock"));
  }

  @Test
  void resolve_relativeLinkWithParent_isFollowed() throws Exception {
    Files.createDirectories(root.resolve("usr/bin"));
    Files.createFile(root.resolve("usr/bin/runc"));
    Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
    Files.createDirectories(root.resolve("opt"));
    Files.createSymbolicLink(root.resolve("opt/runc"), Path.of("../bin/runc"));

    HostRoot host = new HostRoot(root);

    assertThat(host.hostPathOf("/opt/runc")).contains("/usr/bin/runc");
    assertThat(host.exists("/bin/runc")).isTrue();
  }

  @Test
  void resolve_linkLoop_isEmpty() throws Exception {
    Files.createSymbolicLink(root.resolve("a"), Path.of("/b"));
    Files.createSymbolicLink(root.resolve("b"), Path.of("/a"));

    HostRoot host = new HostRoot(root);

    assertThat(host.resolve("/a/x")).isEmpty();
  }

  @Test
  void resolve_parentOfRoot_staysAtRoot() {
    HostRoot host = new HostRoot(root);

    assertThat(host.hostPathOf("/../../etc/passwd")).contains("/etc/passwd");
  }
}
