package io.dockwatch.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small host tree (a stand-in for {@code /}) for one test. */
final class Tree {
  private final Path root;

  private Tree(Path root) {
    this.root = root;
  }

  static Tree at(Path root) {
    return new Tree(root);
  }

  Tree file(String path, String text) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  HostFiles files() {
    return new HostFiles(root);
  }
}
