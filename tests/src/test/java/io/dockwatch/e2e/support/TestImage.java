package io.dockwatch.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The only image the tests use, {@value #NAME}: the host's static busybox with links for the
 * applets the tests call, imported from a tar because no registry is reachable.
 */
final class TestImage {
  static final String NAME = "local/busybox:1";

  private static final String LABEL = "dockwatch.test.image";
  private static final Path BUSYBOX = Path.of("/bin/busybox");
  private static final List<String> APPLETS =
      List.of(
          "sh",
          "sleep",
          "echo",
          "cat",
          "ls",
          "ps",
          "top",
          "httpd",
          "nc",
          "telnetd",
          "wget",
          "env",
          "id",
          "true",
          "false",
          "hostname",
          "mkdir",
          "touch",
          "head",
          "tail",
          "grep",
          "seq",
          "yes",
          "printf",
          "kill",
          "date",
          "wc",
          "rm",
          "ip",
          "netstat",
          "uname",
          "timeout");
  private static final String PASSWD =
      "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
  private static final String GROUP = "root:x:0:\nnogroup:x:65534:\n";

  private TestImage() {}

  /**
   * Imports the image unless the engine has this very build of it, then proves that it runs. An
   * older build, with fewer applets, is replaced under the same name: the new one only adds links.
   */
  static void ensure(DockerCli cli) {
    Command.Result label =
        cli.attempt("image", "inspect", "-f", "{{index .Config.Labels \"" + LABEL + "\"}}", NAME);
    if (label.succeeded() && label.stdout().strip().equals(build())) {
      return;
    }
    if (!Files.isExecutable(BUSYBOX)) {
      throw new IllegalStateException(BUSYBOX + " is missing: install the package busybox-static");
    }
    Path work = null;
    try {
      work = Files.createTempDirectory("dwt-image-");
      Path root = Files.createDirectory(work.resolve("root"));
      layOut(root);
      Path tar = work.resolve("rootfs.tar");
      Command.run(
              List.of("tar", "-C", root.toString(), "--numeric-owner", "-cf", tar.toString(), "."))
          .stdoutOrFail();
      cli.docker("import", "--change", "LABEL " + LABEL + "=" + build(), tar.toString(), NAME);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the root of " + NAME, e);
    } finally {
      if (work != null) {
        Command.deleteTree(work);
      }
    }
    // A dynamically linked busybox imports fine but cannot start; say so here, not in every test.
    cli.docker("run", "--rm", NAME, "true");
  }

  // Names the build by what it holds, so that a change to the applets brings a new import.
  private static String build() {
    return Integer.toHexString(String.join(",", APPLETS).hashCode());
  }

  private static void layOut(Path root) throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
    for (String applet : APPLETS) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Path etc = Files.createDirectories(root.resolve("etc"));
    Files.writeString(etc.resolve("passwd"), PASSWD);
    Files.writeString(etc.resolve("group"), GROUP);
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    Command.run(List.of("chmod", "1777", tmp.toString())).stdoutOrFail();
  }
}
