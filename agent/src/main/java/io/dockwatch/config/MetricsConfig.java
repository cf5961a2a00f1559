package io.dockwatch.config;

import java.time.Duration;
import java.util.List;

/**
 * Metric collection.
 *
 * @param hostInterval how often host metrics are sampled
 * @param containerInterval how often container metrics are sampled
 * @param containerFsInterval how often the containers' writable layers are walked for their size
 * @param containerFsMaxFiles how many files one walk over all writable layers may look at
 * @param containerLabels container labels copied onto container series, beyond the tenancy ones
 */
public record MetricsConfig(
    Duration hostInterval,
    Duration containerInterval,
    Duration containerFsInterval,
    long containerFsMaxFiles,
    List<String> containerLabels) {

  public MetricsConfig {
    containerLabels = List.copyOf(containerLabels);
  }
}
