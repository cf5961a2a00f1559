package io.dockwatch.findings;

import java.util.Map;

/**
 * Who a finding is about, as carried in every record of it.
 *
 * @param key the ledger key: the container id, or {@code host} for the host itself
 * @param tenancy the container's tenancy label values by role (environment, system, customer)
 */
public record SubjectRef(
    String key,
    String containerId,
    String containerName,
    String image,
    Map<String, String> tenancy,
    String composeProject) {

  public static final String HOST_KEY = "host";

  public SubjectRef {
    tenancy = Map.copyOf(tenancy);
  }

  public static SubjectRef host() {
    return new SubjectRef(HOST_KEY, "", "", "", Map.of(), "");
  }

  public boolean isHost() {
    return HOST_KEY.equals(key);
  }
}
