package io.dockwatch.policy;

import io.dockwatch.hostfacts.EngineFacts;
import java.util.List;
import java.util.Optional;

/**
 * The engine's own security features, which the policy requires an engine of 1.10 or later for:
 * user namespaces, a Linux security module, an authorization plugin. Decided from what the engine
 * reports it runs with, which is the truth whatever flag or file set it.
 */
final class EngineRules {
  private EngineRules() {}

  static List<HostRule> all() {
    return List.of(new Userns(), new Lsm(), new Authz());
  }

  /**
   * User namespace remapping is off (CIS 2.9). A rootless engine runs entirely in a user namespace
   * and passes too.
   */
  static final class Userns implements HostRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("engine.userns");
    }

    @Override
    public Outcome evaluate(HostContext host) {
      Optional<EngineFacts> e = Facts.engine(host);
      if (e.isEmpty()) {
        return Facts.engineUnknown(host);
      }
      if (e.get().hasSecurityOption("userns") || e.get().hasSecurityOption("rootless")) {
        return Outcome.pass("SecurityOptions", e.get().securityOptions());
      }
      return Outcome.fail(
          Violation.of(
              "",
              "The engine runs without user namespace remapping",
              "SecurityOptions",
              e.get().securityOptions(),
              "userns-remap",
              Facts.daemon(host).flatMap(d -> d.value("userns-remap")).orElse("(not set)")));
    }
  }

  /** Neither AppArmor nor SELinux confines the engine's containers. */
  static final class Lsm implements HostRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("engine.lsm");
    }

    @Override
    public Outcome evaluate(HostContext host) {
      Optional<EngineFacts> e = Facts.engine(host);
      if (e.isEmpty()) {
        return Facts.engineUnknown(host);
      }
      if (e.get().hasSecurityOption("apparmor") || e.get().hasSecurityOption("selinux")) {
        return Outcome.pass("SecurityOptions", e.get().securityOptions());
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Neither AppArmor nor SELinux is active for the engine",
              "SecurityOptions",
              e.get().securityOptions()));
    }
  }

  /** No authorization plugin: every client of the socket may do everything (CIS 2.12). */
  static final class Authz implements HostRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("engine.authz");
    }

    @Override
    public Outcome evaluate(HostContext host) {
      Optional<EngineFacts> e = Facts.engine(host);
      if (e.isEmpty()) {
        return Facts.engineUnknown(host);
      }
      List<String> plugins = e.get().authorizationPlugins();
      if (!plugins.isEmpty()) {
        return Outcome.pass("Plugins.Authorization", plugins);
      }
      return Outcome.fail(
          Violation.of(
              "", "No authorization plugin is configured", "Plugins.Authorization", plugins));
    }
  }
}
