package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFilesTest {
  @TempDir Path root;

  @Test
  void read_procSysNumberThatAnswersOnlyTheFirstRead_isReadWhole() {
    HostFiles files = new HostFiles(Path.of("/"));

    String fileNr = files.read("/proc/sys/fs/file-nr").orElseThrow();

    assertThat(Text.fields(fileNr)).hasSize(3);
  }

  @Test
  void read_fileLargerThanOneRead_isReadWhole() {
    String big = "x".repeat(10_000) + "\n";
    Tree tree = Tree.at(root).file("proc/big", big);

    String read = tree.files().read("proc/big").orElseThrow();

    assertThat(read).isEqualTo(big);
  }

  @Test
  void read_missingFile_isEmpty() {
    HostFiles files = new HostFiles(root);

    assertThat(files.read("proc/nothing")).isEmpty();
  }

  @Test
  void list_missingDirectory_isEmpty() {
    HostFiles files = new HostFiles(root);

    assertThat(files.list("sys/class/net")).isEmpty();
  }
}
