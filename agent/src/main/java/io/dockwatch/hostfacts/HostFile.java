package io.dockwatch.hostfacts;

/**
 * The host files the CIS Docker Benchmark asks about, each with the path it has when nothing
 * decides otherwise. The reader finds the real one: the daemon's own binary and configuration file,
 * the unit file wherever systemd keeps it, the socket the daemon really listens on.
 */
public enum HostFile {
  DOCKERD_BINARY("/usr/bin/dockerd"),
  CONTAINERD_STATE_DIR("/run/containerd"),
  DATA_ROOT(DaemonConfig.DEFAULT_DATA_ROOT),
  ETC_DOCKER("/etc/docker"),
  DOCKER_SERVICE_UNIT("/lib/systemd/system/docker.service"),
  CONTAINERD_SOCKET("/run/containerd/containerd.sock"),
  DOCKER_SOCKET_UNIT("/lib/systemd/system/docker.socket"),
  ETC_DEFAULT_DOCKER("/etc/default/docker"),
  DAEMON_JSON(DaemonConfig.DEFAULT_CONFIG_FILE),
  CONTAINERD_CONFIG("/etc/containerd/config.toml"),
  ETC_SYSCONFIG_DOCKER("/etc/sysconfig/docker"),
  CONTAINERD_BINARY("/usr/bin/containerd"),
  SHIM_BINARY("/usr/bin/containerd-shim"),
  SHIM_RUNC_V1_BINARY("/usr/bin/containerd-shim-runc-v1"),
  SHIM_RUNC_V2_BINARY("/usr/bin/containerd-shim-runc-v2"),
  RUNC_BINARY("/usr/bin/runc"),
  /** The daemon's unix socket: its first {@code unix://} host, else the default. */
  ENGINE_SOCKET("/var/run/docker.sock"),
  /** Only present in the facts when the daemon configures TLS files. */
  TLS_CA_CERT(""),
  TLS_CERT(""),
  TLS_KEY("");

  private final String defaultPath;

  HostFile(String defaultPath) {
    this.defaultPath = defaultPath;
  }

  /** The path when nothing tells otherwise; empty for files that exist only when configured. */
  public String defaultPath() {
    return defaultPath;
  }

  /** The file name, for the files looked up in several directories. */
  public String fileName() {
    return defaultPath.substring(defaultPath.lastIndexOf('/') + 1);
  }
}
