package io.dockwatch.policy;

import io.dockwatch.config.Addresses;
import io.dockwatch.config.RulesConfig;
import io.dockwatch.config.RulesConfig.PortSpec;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.ContainerSnapshot.PortBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Only allowed ports, on allowed addresses. Ports are read as the engine bound them for a running
 * container (so {@code -P} and {@code -p 80} show their real host ports) and as requested for a
 * created one. A port the engine binds twice, on {@code 0.0.0.0} and on {@code ::}, is one finding
 * with both addresses in its evidence.
 */
final class NetworkRules {
  private NetworkRules() {}

  static List<ContainerRule> all(RulesConfig config) {
    return List.of(
        new PublishAll(),
        new PortNotAllowed(config),
        new BindAll(config),
        new PrivilegedPort(),
        new HostMode(),
        new DefaultBridge());
  }

  /** Bindings grouped by host port and protocol, such as {@code 8080/tcp}. */
  static Map<String, List<PortBinding>> byHostPort(ContainerSnapshot c) {
    Map<String, List<PortBinding>> out = new LinkedHashMap<>();
    for (PortBinding b : c.ports()) {
      String key =
          (b.hostPort() == 0 ? "ephemeral" : String.valueOf(b.hostPort())) + "/" + b.protocol();
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
    }
    return out;
  }

  /**
   * At most this many findings per rule and container name single ports; the rest are one finding.
   * A range publish binds thousands of ports, and one record each would flood the log pipeline (and
   * the agent's memory) with copies of one fact.
   */
  static final int PORT_FINDINGS = 16;

  /** At most this many bindings are listed in a finding's evidence. */
  static final int EVIDENCE_BINDINGS = 32;

  /** The per-port violations, the ones past {@link #PORT_FINDINGS} folded into one. */
  static List<Violation> bounded(List<Violation> perPort, String container, String what) {
    return bounded(perPort, container, what, "more");
  }

  /** As {@link #bounded(List, String, String)}, the folded finding's detail given. */
  static List<Violation> bounded(
      List<Violation> perPort, String container, String what, String foldDetail) {
    if (perPort.size() <= PORT_FINDINGS) {
      return perPort;
    }
    List<Violation> out = new ArrayList<>(perPort.subList(0, PORT_FINDINGS - 1));
    List<Violation> rest = perPort.subList(PORT_FINDINGS - 1, perPort.size());
    List<String> ports = rest.stream().map(Violation::detail).limit(EVIDENCE_BINDINGS).toList();
    out.add(
        Violation.of(
            foldDetail,
            "Container " + container + " " + what + " on " + rest.size() + " more host ports",
            "ports",
            ports,
            "more_ports",
            rest.size()));
    return out;
  }

  static List<String> describe(List<PortBinding> bindings) {
    List<String> out = new ArrayList<>();
    for (PortBinding b : bindings) {
      if (out.size() == EVIDENCE_BINDINGS) {
        out.add("… and " + (bindings.size() - EVIDENCE_BINDINGS) + " more");
        break;
      }
      String ip =
          b.hostIp().isEmpty()
              ? "*"
              : b.hostIp().contains(":") ? "[" + b.hostIp() + "]" : b.hostIp();
      String port = b.hostPort() == 0 ? "(ephemeral)" : String.valueOf(b.hostPort());
      out.add(ip + ":" + port + "->" + b.containerPort() + "/" + b.protocol());
    }
    return out;
  }

  static final class PublishAll implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("network.publish-all");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      if (!c.publishAllPorts()) {
        return Outcome.pass("HostConfig.PublishAllPorts", false);
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Container " + c.name() + " publishes every exposed port (-P)",
              "HostConfig.PublishAllPorts",
              true,
              "NetworkSettings.Ports",
              describe(c.ports())));
    }
  }

  static final class PortNotAllowed implements ContainerRule {
    private final RulesConfig config;

    PortNotAllowed(RulesConfig config) {
      this.config = config;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("network.port-not-allowed");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      List<Violation> out = new ArrayList<>();
      for (Map.Entry<String, List<PortBinding>> e : byHostPort(c).entrySet()) {
        PortBinding first = e.getValue().get(0);
        if (first.hostPort() != 0
            && config.allowedPorts().contains(new PortSpec(first.hostPort(), first.protocol()))) {
          continue;
        }
        out.add(
            Violation.of(
                e.getKey(),
                "Container "
                    + c.name()
                    + " publishes host port "
                    + e.getKey()
                    + ", which is not allowed",
                "bindings",
                describe(e.getValue()),
                "allowed",
                config.allowedPorts().stream().map(PortSpec::toString).toList()));
      }
      return Outcome.of(
          bounded(out, c.name(), "publishes ports that are not allowed"),
          "bindings",
          describe(c.ports()));
    }
  }

  /**
   * Every spelling of "all addresses" ({@code 0.0.0.0}, {@code ::}, empty) is a wildcard. When the
   * configuration lists allowed addresses, a specific address outside the list is reported too.
   */
  static final class BindAll implements ContainerRule {
    private final RulesConfig config;

    BindAll(RulesConfig config) {
      this.config = config;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("network.bind-all-interfaces");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      List<Violation> everywhere = new ArrayList<>();
      List<Violation> elsewhere = new ArrayList<>();
      for (Map.Entry<String, List<PortBinding>> e : byHostPort(c).entrySet()) {
        List<PortBinding> wildcard = new ArrayList<>();
        List<PortBinding> notAllowed = new ArrayList<>();
        for (PortBinding b : e.getValue()) {
          if (Addresses.isWildcard(b.hostIp())) {
            wildcard.add(b);
          } else if (!config.allowedAddresses().isEmpty()
              && !config.allowedAddresses().contains(Addresses.canonical(b.hostIp()).orElse(""))) {
            notAllowed.add(b);
          }
        }
        if (!wildcard.isEmpty()) {
          everywhere.add(
              Violation.of(
                  e.getKey(),
                  "Container "
                      + c.name()
                      + " binds host port "
                      + e.getKey()
                      + " on every interface",
                  "bindings",
                  describe(wildcard)));
        }
        if (!notAllowed.isEmpty()) {
          elsewhere.add(
              Violation.of(
                  e.getKey() + "@address",
                  "Container "
                      + c.name()
                      + " binds host port "
                      + e.getKey()
                      + " on an address that is not allowed",
                  "bindings",
                  describe(notAllowed),
                  "allowed_addresses",
                  config.allowedAddresses()));
        }
      }
      List<Violation> out = new ArrayList<>(bounded(everywhere, c.name(), "binds every interface"));
      List<Violation> addresses =
          bounded(elsewhere, c.name(), "binds addresses not allowed", "more@address");
      out.addAll(addresses);
      return Outcome.of(out, "bindings", describe(c.ports()));
    }
  }

  static final class HostMode implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("network.host-mode");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      if (!"host".equals(c.networkMode())) {
        return Outcome.pass("HostConfig.NetworkMode", c.networkMode());
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Container " + c.name() + " shares the host's network namespace",
              "HostConfig.NetworkMode",
              "host"));
    }
  }

  /**
   * A host port below 1024, which only root may bind on the host. Port 1024 itself is not
   * privileged: the CIS text says "below 1024", although docker-bench-security also flags 1024.
   */
  static final class PrivilegedPort implements ContainerRule {
    static final int FIRST_UNPRIVILEGED = 1024;

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("network.privileged-port");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      List<Violation> out = new ArrayList<>();
      for (Map.Entry<String, List<PortBinding>> e : byHostPort(c).entrySet()) {
        int port = e.getValue().get(0).hostPort();
        if (port > 0 && port < FIRST_UNPRIVILEGED) {
          out.add(
              Violation.of(
                  e.getKey(),
                  "Container " + c.name() + " publishes privileged host port " + e.getKey(),
                  "bindings",
                  describe(e.getValue())));
        }
      }
      return Outcome.of(
          bounded(out, c.name(), "publishes privileged ports"), "bindings", describe(c.ports()));
    }
  }

  /**
   * Attached to the engine's default bridge, where every container can reach every other (unless
   * the daemon turns inter-container communication off) and names do not resolve. docker-bench-
   * security only lists such containers (INFO); the policy asks for user-defined networks.
   */
  static final class DefaultBridge implements ContainerRule {
    static final String BRIDGE = "bridge";

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("network.default-bridge");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      String mode = c.networkMode();
      boolean onBridge =
          c.networks().contains(BRIDGE)
              || (c.networks().isEmpty() && (mode.equals(BRIDGE) || mode.equals("default")));
      if (!onBridge) {
        return Outcome.pass("HostConfig.NetworkMode", mode, "networks", c.networks());
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Container " + c.name() + " is attached to the default bridge network",
              "HostConfig.NetworkMode",
              mode,
              "networks",
              c.networks()));
    }
  }
}
