package io.dockwatch.config;

import io.dockwatch.policy.CisBenchmark;
import io.dockwatch.policy.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules enforce, and how the operator tuned them.
 *
 * @param allowedPorts published ports that may be open, as {@code PORT/PROTO}
 * @param allowedAddresses host addresses ports may be bound to, in canonical form; empty means any
 *     specific address is fine but a wildcard is not
 * @param loggingDrivers the logging drivers containers may use
 * @param fluentdAddress the log proxy the fluentd driver must send to, or empty for any
 * @param disabled rule ids switched off
 * @param severity rule id to the severity that replaces the catalogue's
 * @param settings further rule parameters by rule id, for rules that take them
 * @param cisBenchmark the CIS Docker Benchmark version findings are numbered in
 */
public record RulesConfig(
    List<PortSpec> allowedPorts,
    List<String> allowedAddresses,
    List<String> loggingDrivers,
    String fluentdAddress,
    Set<String> disabled,
    Map<String, Severity> severity,
    Map<String, Map<String, Object>> settings,
    CisBenchmark cisBenchmark) {

  public RulesConfig {
    allowedPorts = List.copyOf(allowedPorts);
    allowedAddresses = List.copyOf(allowedAddresses);
    loggingDrivers = List.copyOf(loggingDrivers);
    disabled = Set.copyOf(disabled);
    severity = Map.copyOf(severity);
    settings = Map.copyOf(settings);
  }

  /** Rules numbered in the newest benchmark version. */
  public RulesConfig(
      List<PortSpec> allowedPorts,
      List<String> allowedAddresses,
      List<String> loggingDrivers,
      String fluentdAddress,
      Set<String> disabled,
      Map<String, Severity> severity,
      Map<String, Map<String, Object>> settings) {
    this(
        allowedPorts,
        allowedAddresses,
        loggingDrivers,
        fluentdAddress,
        disabled,
        severity,
        settings,
        CisBenchmark.NEWEST);
  }

  /** A published port and protocol, as in {@code 443/tcp}. */
  public record PortSpec(int port, String protocol) {
    @Override
    public String toString() {
      return port + "/" + protocol;
    }
  }
}
