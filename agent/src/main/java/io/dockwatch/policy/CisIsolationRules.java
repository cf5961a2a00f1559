package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.hostfacts.DaemonConfig;
import io.dockwatch.hostfacts.EngineFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * CIS 4.1 and section 5, isolation: the user, privileges, capabilities, namespaces and security
 * profiles a container runs with. A created container is judged on what it asked for.
 */
final class CisIsolationRules {
  /** The capabilities every container gets from the engine unless dropped. */
  static final Set<String> DEFAULT_CAPS =
      Set.of(
          "CHOWN",
          "DAC_OVERRIDE",
          "FSETID",
          "FOWNER",
          "MKNOD",
          "NET_RAW",
          "SETGID",
          "SETUID",
          "SETFCAP",
          "SETPCAP",
          "NET_BIND_SERVICE",
          "SYS_CHROOT",
          "KILL",
          "AUDIT_WRITE");

  private CisIsolationRules() {}

  static List<ContainerRule> all() {
    return List.of(
        new FieldRule<>(
            "cis.4.1", "Config.User", c -> c.security().user(), Users::isRoot, "runs as root"),
        new AppArmor(),
        new SeLinux(),
        new AddedCaps(),
        dangerous("cis.c.5.3.1", "DAC_READ_SEARCH"),
        dangerous("cis.c.5.3.2", "SYS_MODULE"),
        dangerous("cis.c.5.3.3", "SYS_ADMIN"),
        dangerous("cis.c.5.3.4", "SYS_PTRACE"),
        new FieldRule<>(
            "cis.5.5",
            "HostConfig.Privileged",
            c -> c.security().privileged(),
            p -> p,
            "runs privileged"),
        namespace("cis.5.16", "HostConfig.PidMode", c -> c.security().pidMode(), "process"),
        namespace("cis.5.17", "HostConfig.IpcMode", c -> c.security().ipcMode(), "IPC"),
        namespace("cis.5.21", "HostConfig.UTSMode", c -> c.security().utsMode(), "UTS"),
        namespace("cis.5.31", "HostConfig.UsernsMode", c -> c.security().usernsMode(), "user"),
        new FieldRule<>(
            "cis.5.22",
            "HostConfig.SecurityOpt",
            c -> c.security().securityOpt(),
            opts -> opts.stream().anyMatch(o -> option(o, "seccomp").equals("unconfined")),
            "runs without the seccomp profile"),
        new NoNewPrivileges());
  }

  /** Capability names as the engine accepts them, upper case and without {@code CAP_}. */
  static Set<String> caps(List<String> names) {
    Set<String> out = new TreeSet<>();
    for (String n : names) {
      String u = n.trim().toUpperCase(Locale.ROOT);
      out.add(u.startsWith("CAP_") ? u.substring(4) : u);
    }
    return out;
  }

  /** The value of a {@code --security-opt} of that name ({@code name=v} or {@code name:v}). */
  static String option(String opt, String name) {
    if (opt.startsWith(name + "=") || opt.startsWith(name + ":")) {
      return opt.substring(name.length() + 1);
    }
    return opt.equals(name) ? "true" : "";
  }

  private static ContainerRule namespace(
      String id, String field, Function<ContainerSnapshot, String> read, String kind) {
    return new FieldRule<>(
        id, field, read, "host"::equals, "shares the host's " + kind + " namespace");
  }

  private static ContainerRule dangerous(String id, String cap) {
    return new FieldRule<>(
        id,
        "HostConfig.CapAdd",
        c -> c.security().capAdd(),
        added -> caps(added).contains(cap) || caps(added).contains("ALL"),
        "adds capability " + cap);
  }

  /** 5.4: capabilities beyond the engine's default set ({@code ALL} counts as all of them). */
  static final class AddedCaps implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis.5.4");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      Set<String> extra = caps(c.security().capAdd());
      extra.removeAll(DEFAULT_CAPS);
      if (extra.isEmpty()) {
        return Outcome.pass("HostConfig.CapAdd", c.security().capAdd());
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Container " + c.name() + " adds capabilities " + String.join(", ", extra),
              "added_beyond_default",
              new ArrayList<>(extra),
              "HostConfig.CapDrop",
              c.security().capDrop()));
    }
  }

  /**
   * 5.2: an AppArmor profile confines the container. Only where the engine runs AppArmor: on an
   * SELinux host AppArmor cannot apply and 5.3 decides instead (docker-bench-security fails every
   * container there). A created container is judged on its options, since the engine sets the
   * profile only when it starts it.
   */
  static final class AppArmor implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis.5.2");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      Optional<EngineFacts> e = Facts.engine(host);
      if (e.isEmpty()) {
        return Facts.engineUnknown(host);
      }
      if (!e.get().hasSecurityOption("apparmor")) {
        return Outcome.info(
            "AppArmor is not active on this engine"
                + (e.get().hasSecurityOption("selinux") ? " (SELinux host: see cis.5.3)" : ""),
            "SecurityOptions",
            e.get().securityOptions());
      }
      String requested = "";
      for (String o : c.security().securityOpt()) {
        if (!option(o, "apparmor").isEmpty()) {
          requested = option(o, "apparmor");
        }
      }
      String profile =
          c.running() || !c.security().appArmorProfile().isEmpty()
              ? c.security().appArmorProfile()
              : c.security().privileged()
                  ? "unconfined"
                  : requested.isEmpty() ? "docker-default" : requested;
      if (!profile.isEmpty() && !profile.equals("unconfined")) {
        return Outcome.pass("AppArmorProfile", profile);
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Container " + c.name() + " runs without an AppArmor profile",
              "AppArmorProfile",
              profile,
              "HostConfig.SecurityOpt",
              c.security().securityOpt()));
    }
  }

  /**
   * 5.3: SELinux confines the container. Only where the engine runs SELinux (on an AppArmor host
   * 5.2 decides); there the engine labels every container unless labelling is disabled or the
   * container is privileged. docker-bench-security passes any security option at all, even {@code
   * no-new-privileges} alone.
   */
  static final class SeLinux implements ContainerRule {
    private static final Set<String> UNCONFINED =
        Set.of("disable", "type:spc_t", "type:unconfined_t");

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis.5.3");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      Optional<EngineFacts> e = Facts.engine(host);
      if (e.isEmpty()) {
        return Facts.engineUnknown(host);
      }
      if (!e.get().hasSecurityOption("selinux")) {
        return Outcome.info(
            "SELinux is not active on this engine"
                + (e.get().hasSecurityOption("apparmor") ? " (AppArmor host: see cis.5.2)" : ""),
            "SecurityOptions",
            e.get().securityOptions());
      }
      List<String> opts = c.security().securityOpt();
      boolean disabled =
          c.security().privileged()
              || opts.stream().anyMatch(o -> UNCONFINED.contains(option(o, "label")));
      if (!disabled) {
        return Outcome.pass("HostConfig.SecurityOpt", opts);
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Container " + c.name() + " runs without SELinux confinement",
              "HostConfig.SecurityOpt",
              opts,
              "HostConfig.Privileged",
              c.security().privileged()));
    }
  }

  /**
   * 5.26: the container cannot gain privileges (setuid binaries): by the daemon's default or by its
   * own option. {@code no-new-privileges:false} turns it off, although docker-bench-security's text
   * search counts it as on.
   */
  static final class NoNewPrivileges implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis.5.26");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      Optional<Boolean> own = Optional.empty();
      for (String o : c.security().securityOpt()) {
        String v = option(o, "no-new-privileges");
        if (!v.isEmpty()) {
          own = Optional.of(v.equals("true"));
        }
      }
      if (own.isPresent()) {
        return own.get()
            ? Outcome.pass("HostConfig.SecurityOpt", c.security().securityOpt())
            : fail(c, "the container turns it off");
      }
      Optional<DaemonConfig> d = Facts.daemon(host);
      if (d.isEmpty()) {
        return Outcome.info(
            "the container sets no no-new-privileges option, and the daemon's default is unknown: "
                + host.facts().problem("daemon"));
      }
      if (d.get().bool("no-new-privileges").orElse(false)) {
        return Outcome.pass(
            "daemon no-new-privileges", true, "source", d.get().source("no-new-privileges"));
      }
      return fail(c, "neither the container nor the daemon sets it");
    }

    private static Outcome fail(ContainerSnapshot c, String why) {
      return Outcome.fail(
          Violation.of(
              "",
              "Container " + c.name() + " may gain new privileges: " + why,
              "HostConfig.SecurityOpt",
              c.security().securityOpt()));
    }
  }
}
