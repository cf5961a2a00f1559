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
 * @param containerLabels container labels copied onto container series, beyond the tenancy ones
 * @param textfileDirectory where the textfile collector reads {@code *.prom} files; empty: nowhere
 */
public record MetricsConfig(
    Duration hostInterval,
    Duration containerInterval,
    List<String> containerLabels,
    Optional<Path> textfileDirectory) {

  public MetricsConfig {
    containerLabels = List.copyOf(containerLabels);
    Objects.requireNonNull(textfileDirectory);
  }

  /** Without a textfile directory. */
  public MetricsConfig(
      Duration hostInterval, Duration containerInterval, List<String> containerLabels) {
    this(hostInterval, containerInterval, containerLabels, Optional.empty());
  }
}
