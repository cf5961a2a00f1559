package io.dockwatch.hostfacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where the engine keeps an image's configuration on disk, and the build time in it. The engine's
 * API has the same in {@code GET /images/{id}/json}; reading the store spares the agent a call per
 * image. Images of the containerd image store are not there: their build time stays unknown.
 */
final class ImageStore {
  private ImageStore() {}

  /**
   * The host path of an image's configuration: {@code
   * ROOT/image/DRIVER/imagedb/content/sha256/HEX}, or empty when the id is not a sha256 digest.
   */
  static Optional<String> configPath(String dockerRootDir, String storageDriver, String imageId) {
    String hex = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
    if (!hex.matches("[0-9a-f]{64}") || storageDriver.isEmpty() || dockerRootDir.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        dockerRootDir + "/image/" + storageDriver + "/imagedb/content/sha256/" + hex);
  }

  /** The {@code created} time of an image configuration. */
  static Optional<Instant> created(JsonNode config) {
    String text = config.path("created").asText("");
    if (text.isEmpty() || text.startsWith("0001-01-01")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
