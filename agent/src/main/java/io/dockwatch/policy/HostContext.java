package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a rule may know beyond the container it checks, taken at one moment. Built by {@link
 * Policy#context}; rules never read clocks, files or the engine themselves.
 *
 * @param now the time of the evaluation
 * @param containers every container the agent knows of, infrastructure ones excluded
 * @param hostTenant the host's tenant: pinned in the configuration, else that of the oldest
 *     container whose tenancy labels are complete; empty on a host with no such container
 */
public record HostContext(
    Instant now, List<ContainerSnapshot> containers, Optional<TenantValues> hostTenant) {

  public HostContext {
    containers = List.copyOf(containers);
  }

  /** A tenant as label values: environment, system and customer. */
  public record TenantValues(String environment, String system, String customer) {
    @Override
    public String toString() {
      return environment + "/" + system + "/" + customer;
    }
  }
}
