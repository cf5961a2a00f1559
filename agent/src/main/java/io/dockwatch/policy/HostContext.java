package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.hostfacts.HostFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a rule may know beyond the container it checks, taken at one moment. Built by {@link
 * Policy#context}; rules never read clocks, files or the engine themselves.
 *
 * @param now the time of the evaluation
 * @param containers every container the agent knows of, infrastructure ones excluded
 * @param hostTenant the host's tenant: pinned in the configuration, else that of the oldest
 *     container whose tenancy labels are complete; empty on a host with no such container
 * @param facts the engine, the daemon's configuration and the host's files, as last read
 * @param activity by container id, what the agent saw happen in it: processes, exec sessions,
 *     starts
 */
public record HostContext(
    Instant now,
    List<ContainerSnapshot> containers,
    Optional<TenantValues> hostTenant,
    HostFacts facts,
    Map<String, ContainerActivity> activity) {

  public HostContext {
    containers = List.copyOf(containers);
    activity = Map.copyOf(activity);
  }

  /** A context that knows nothing of the host, for evaluations of containers alone. */
  public HostContext(
      Instant now, List<ContainerSnapshot> containers, Optional<TenantValues> hostTenant) {
    this(now, containers, hostTenant, HostFacts.unknown(now, "the host was not read"), Map.of());
  }

  /** What was seen happen in one container; nothing when it was not watched. */
  public ContainerActivity activityOf(String containerId) {
    return activity.getOrDefault(containerId, ContainerActivity.NONE);
  }

  /** A tenant as label values: environment, system and customer. */
  public record TenantValues(String environment, String system, String customer) {
    @Override
    public String toString() {
      return environment + "/" + system + "/" + customer;
    }
  }
}
