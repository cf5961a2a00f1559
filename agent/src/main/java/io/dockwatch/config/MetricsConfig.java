package io.dockwatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Metric collection.
 *
 * @param hostInterval how often host metrics are sampled
 * @param containerInterval how often container metrics are sampled
 * @param containerFsInterval how often the containers' writable layers are walked for their size
 * @param containerFsMaxFiles how many files one walk over all writable layers may look at
 * @param containerLabels container labels copied onto container series, beyond the tenancy ones
 * @param textfileDirectory where the textfile collector reads {@code *.prom} files; empty: nowhere
 */
public record MetricsConfig(
    Duration hostInterval,
    Duration containerInterval,
    Duration containerFsInterval,
    long containerFsMaxFiles,
    List<String> containerLabels,
    Optional<Path> textfileDirectory) {

  /** How often writable layers are walked, unless configured. */
  public static final Duration DEFAULT_CONTAINER_FS_INTERVAL = Duration.ofMinutes(1);

  /** How many files one walk over the writable layers may look at, unless configured. */
  public static final long DEFAULT_CONTAINER_FS_MAX_FILES = 1_000_000;

  public MetricsConfig {
    containerLabels = List.copyOf(containerLabels);
    Objects.requireNonNull(textfileDirectory);
  }

  /** Writable layers walked once a minute, up to a million files; no textfile directory. */
  public MetricsConfig(
      Duration hostInterval, Duration containerInterval, List<String> containerLabels) {
    this(
        hostInterval,
        containerInterval,
        DEFAULT_CONTAINER_FS_INTERVAL,
        DEFAULT_CONTAINER_FS_MAX_FILES,
        containerLabels,
        Optional.empty());
  }
}
