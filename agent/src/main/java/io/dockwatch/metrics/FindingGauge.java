package io.dockwatch.metrics;

import java.util.Objects;

/**
 * One finding as the metrics see it: bounded values only, never the finding's free text.
 *
 * @param rule the rule's id
 * @param severity the severity's label ({@code high}, {@code medium}…)
 * @param state the finding's state ({@code open}, {@code waived}…)
 * @param containerId the full id of the container it is about, or empty for a host finding
 * @param containerName that container's name, or empty
 */
public record FindingGauge(
    String rule, String severity, String state, String containerId, String containerName) {

  public FindingGauge {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(containerName, "containerName");
  }
}
