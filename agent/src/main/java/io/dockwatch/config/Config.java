package io.dockwatch.config;

import java.util.List;

/** The whole validated configuration of the agent. Immutable; a reload builds a new one. */
public record Config(
    AgentConfig agent,
    DockerConfig docker,
    HttpConfig http,
    SinkConfig sinks,
    TenancyConfig tenancy,
    RulesConfig rules,
    List<Waiver> exceptions,
    List<Selector> infrastructure,
    MetricsConfig metrics) {

  public Config {
    exceptions = List.copyOf(exceptions);
    infrastructure = List.copyOf(infrastructure);
  }
}
