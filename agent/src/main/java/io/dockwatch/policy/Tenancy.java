package io.dockwatch.policy;

import io.dockwatch.config.TenancyConfig;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.policy.HostContext.TenantValues;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Reads a container's tenant from its labels, and decides the host's tenant. */
public final class Tenancy {
  static final String COMPOSE_PROJECT = "com.docker.compose.project";

  private final TenancyConfig config;

  public Tenancy(TenancyConfig config) {
    this.config = config;
  }

  public TenancyConfig config() {
    return config;
  }

  /** The label value for a role, empty when missing or blank. */
  String environment(ContainerSnapshot c) {
    return value(c, config.labels().environment());
  }

  String system(ContainerSnapshot c) {
    String system = value(c, config.labels().system());
    if (system.isEmpty() && config.composeFallback()) {
      return value(c, COMPOSE_PROJECT);
    }
    return system;
  }

  String customer(ContainerSnapshot c) {
    return value(c, config.labels().customer());
  }

  /** The container's tenant, when all three labels are present and not blank. */
  public Optional<TenantValues> tenantOf(ContainerSnapshot c) {
    String env = environment(c);
    String sys = system(c);
    String cust = customer(c);
    if (env.isEmpty() || sys.isEmpty() || cust.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TenantValues(env, sys, cust));
  }

  /**
   * The pinned tenant, else the tenant of the oldest fully labelled container: deterministic, and a
   * newcomer of another tenant is the offender, never the incumbent. Ties on creation time are
   * broken by id so that every evaluation agrees.
   */
  public Optional<TenantValues> hostTenant(Collection<ContainerSnapshot> containers) {
    return hostTenant(containers, Optional.empty());
  }

  /**
   * As {@link #hostTenant(Collection)}, but the incumbent tenant stays the host's while any
   * container of it remains: removing or redeploying the oldest container must not hand the host to
   * a newcomer and turn every other container of the incumbent into an offender.
   */
  public Optional<TenantValues> hostTenant(
      Collection<ContainerSnapshot> containers, Optional<TenantValues> incumbent) {
    if (config.expected().isPresent()) {
      TenancyConfig.Tenant t = config.expected().get();
      return Optional.of(new TenantValues(t.environment(), t.system(), t.customer()));
    }
    if (incumbent.isPresent() && containers.stream().anyMatch(c -> tenantOf(c).equals(incumbent))) {
      return incumbent;
    }
    return containers.stream()
        .filter(c -> tenantOf(c).isPresent())
        .min(Comparator.comparing(ContainerSnapshot::created).thenComparing(ContainerSnapshot::id))
        .flatMap(this::tenantOf);
  }

  private static String value(ContainerSnapshot c, String key) {
    String v = c.labels().get(key);
    return v == null ? "" : v.trim();
  }
}
