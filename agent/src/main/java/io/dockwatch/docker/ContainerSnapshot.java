package io.dockwatch.docker;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the agent knows of one container at one moment: the engine's inspect data reduced to the
 * fields that rules and metrics read. Immutable; the environment is deliberately absent, since it
 * often holds secrets and no rule needs it.
 *
 * @param name without the engine's leading slash
 * @param image the image reference the container was created from
 * @param status the engine's state word: created, running, paused, restarting, exited, dead
 * @param ports the published ports: as bound by the engine for a running container, as requested
 *     for one that is not
 * @param health the health status, or empty when the container has no healthcheck
 * @param pidsLimit {@code null} when unset
 * @param upperDir the host directory of the container's writable layer (overlay2's {@code
 *     UpperDir}), or empty under a storage driver that has none
 */
public record ContainerSnapshot(
    String id,
    String name,
    String image,
    String imageId,
    Instant created,
    String status,
    int pid,
    int exitCode,
    boolean oomKilled,
    Instant startedAt,
    int restartCount,
    String health,
    boolean healthcheckConfigured,
    Map<String, String> labels,
    String logDriver,
    Map<String, String> logOptions,
    String networkMode,
    List<String> networks,
    boolean publishAllPorts,
    List<PortBinding> ports,
    Security security,
    Resources resources,
    List<Mount> mounts,
    String cgroupParent,
    String upperDir) {

  public ContainerSnapshot {
    labels = Map.copyOf(labels);
    logOptions = Map.copyOf(logOptions);
    networks = List.copyOf(networks);
    ports = List.copyOf(ports);
    mounts = List.copyOf(mounts);
  }

  public boolean running() {
    return "running".equals(status) || "restarting".equals(status) || "paused".equals(status);
  }

  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /** A published port: {@code hostIp} is empty when the engine binds every interface. */
  public record PortBinding(int containerPort, String protocol, String hostIp, int hostPort) {}

  /** A mount as the engine reports it. {@code type} is bind, volume, tmpfs or npipe. */
  public record Mount(
      String type,
      String source,
      String destination,
      boolean readWrite,
      String propagation,
      String driver,
      String name) {}

  /** The isolation a container runs with. Namespace modes are the engine's words. */
  public record Security(
      boolean privileged,
      List<String> capAdd,
      List<String> capDrop,
      boolean readonlyRootfs,
      List<String> securityOpt,
      String appArmorProfile,
      String user,
      String pidMode,
      String ipcMode,
      String utsMode,
      String usernsMode,
      List<String> devices) {

    public Security {
      capAdd = List.copyOf(capAdd);
      capDrop = List.copyOf(capDrop);
      securityOpt = List.copyOf(securityOpt);
      devices = List.copyOf(devices);
    }
  }

  /** Limits and restart behaviour. Zero means unset, as the engine reports it. */
  public record Resources(
      long memoryBytes,
      long cpuShares,
      long nanoCpus,
      long cpuQuota,
      long cpuPeriod,
      Long pidsLimit,
      String restartPolicy,
      int restartMaxRetries,
      List<String> ulimits) {

    public Resources {
      ulimits = List.copyOf(ulimits);
    }
  }
}
