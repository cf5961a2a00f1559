package io.dockwatch.metrics;

import java.util.Objects;

/**
 * The agent's own version, and the source revision it was built from where the build recorded one
 * (else empty).
 */
public record AgentBuild(String version, String revision) {

  public AgentBuild {
    Objects.requireNonNull(version);
    Objects.requireNonNull(revision);
  }
}
