package io.dockwatch.config;

import java.util.List;

/**
 * The whole validated configuration of the agent. Immutable; a reload builds a new one.
 *
 * @param remoteAccess containers whose purpose is remote access (a bastion running sshd): a
 *     remote-access daemon in them is no finding
 */
public record Config(
    AgentConfig agent,
    DockerConfig docker,
    HttpConfig http,
    SinkConfig sinks,
    TenancyConfig tenancy,
    RulesConfig rules,
    List<Waiver> exceptions,
    List<Selector> infrastructure,
    MetricsConfig metrics,
    List<Selector> remoteAccess) {

  public Config {
    exceptions = List.copyOf(exceptions);
    infrastructure = List.copyOf(infrastructure);
    remoteAccess = List.copyOf(remoteAccess);
  }

  /** A configuration that declares no remote-access containers. */
  public Config(
      AgentConfig agent,
      DockerConfig docker,
      HttpConfig http,
      SinkConfig sinks,
      TenancyConfig tenancy,
      RulesConfig rules,
      List<Waiver> exceptions,
      List<Selector> infrastructure,
      MetricsConfig metrics) {
    this(
        agent, docker, http, sinks, tenancy, rules, exceptions, infrastructure, metrics, List.of());
  }
}
