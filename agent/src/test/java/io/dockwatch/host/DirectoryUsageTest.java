package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryUsageTest {
  @TempDir Path layer;
  @TempDir Path elsewhere;

  private void file(String path, int bytes) throws IOException {
    Path file = layer.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[bytes]);
  }

  @Test
  void walk_nestedFiles_countsTheBytesOfEveryRegularFile() throws IOException {
    file("etc/motd", 15);
    file("var/lib/app/data.bin", 8 * 1024 * 1024);
    file("var/lib/app/empty", 0);

    DirectoryUsage.Walk walk = DirectoryUsage.walk(layer, 1000);

    assertThat(walk).isEqualTo(new DirectoryUsage.Walk(15 + 8 * 1024 * 1024, 7, true));
  }

  @Test
  void walk_hardLinksAndSymbolicLinks_countsEachFileOnceAndNothingOutside() throws IOException {
    file("data.bin", 4096);
    Files.createLink(layer.resolve("data-again.bin"), layer.resolve("data.bin"));
    Files.write(elsewhere.resolve("big"), new byte[1 << 20]);
    Files.createSymbolicLink(layer.resolve("big"), elsewhere.resolve("big"));
    Files.createSymbolicLink(layer.resolve("outside"), elsewhere);

    DirectoryUsage.Walk walk = DirectoryUsage.walk(layer, 1000);

    assertThat(walk.bytes()).isEqualTo(4096);
    assertThat(walk.entries()).isEqualTo(4);
  }

  @Test
  void walk_moreEntriesThanAllowed_stopsIncompleteAtTheBound() throws IOException {
    for (int i = 0; i < 10; i++) {
      file("f" + i, 100);
    }

    DirectoryUsage.Walk walk = DirectoryUsage.walk(layer, 4);

    assertThat(walk.complete()).isFalse();
    assertThat(walk.entries()).isEqualTo(4);
    assertThat(walk.bytes()).isEqualTo(400);
  }

  @Test
  void walk_exactlyAsManyEntriesAsAllowed_isComplete() throws IOException {
    file("a", 1);
    file("b", 2);

    DirectoryUsage.Walk walk = DirectoryUsage.walk(layer, 2);

    assertThat(walk).isEqualTo(new DirectoryUsage.Walk(3, 2, true));
  }

  @Test
  void walk_directoryGone_throws() {
    Path gone = layer.resolve("removed");

    assertThatThrownBy(() -> DirectoryUsage.walk(gone, 10)).isInstanceOf(NoSuchFileException.class);
  }
}
