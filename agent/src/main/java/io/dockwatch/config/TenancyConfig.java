package io.dockwatch.config;

import java.util.Optional;

/**
 * Which labels carry a container's tenant, and the host's pinned tenant if the operator knows it.
 *
 * @param composeFallback whether {@code com.docker.compose.project} stands in for a missing system
 *     label
 */
public record TenancyConfig(Tenant labels, Optional<Tenant> expected, boolean composeFallback) {

  /** An environment / system / customer triple: label keys, or label values. */
  public record Tenant(String environment, String system, String customer) {}
}
