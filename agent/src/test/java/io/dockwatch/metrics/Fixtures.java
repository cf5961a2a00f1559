package io.dockwatch.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** The fixture trees, golden texts and stats answers under {@code src/test/resources}. */
final class Fixtures {
  private Fixtures() {}

  static Path tree(String name) {
    return resource("fixtures/" + name);
  }

  /** A stats answer recorded from a real engine, shared with the other packages' tests. */
  static JsonNode stats(String name) {
    return io.dockwatch.testing.Fixtures.stats(name);
  }

  static String golden(String name) {
    try {
      return Files.readString(resource("golden/" + name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies the text files of {@code fixtures/textfile} into {@code dir}, each modified at {@code
   * mtime}, for the textfile collector to read.
   */
  static void textfiles(Path dir, Instant mtime) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(resource("fixtures/textfile"))) {
      for (Path file : files) {
        Path copy = Files.copy(file, dir.resolve(file.getFileName().toString()));
        Files.setLastModifiedTime(copy, FileTime.from(mtime));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resource(String name) {
    URL url = Fixtures.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
