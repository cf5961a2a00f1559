package io.dockwatch.policy;

import io.dockwatch.hostfacts.DaemonConfig;
import io.dockwatch.hostfacts.EngineFacts;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * CIS section 2, the daemon's configuration, and 5.1 (swarm mode). Decided from what the engine
 * reports where it reports it (storage driver, live restore, registries), else from the daemon's
 * effective flags and {@code daemon.json}.
 */
final class CisDaemonRules {
  private CisDaemonRules() {}

  static List<HostRule> all(CisBenchmark benchmark) {
    return List.of(
        new DaemonOption(
            "network.icc",
            "icc",
            true,
            false,
            "Containers on the default bridge can reach each other"),
        daemon("cis.2.3", CisDaemonRules::logLevel),
        new DaemonOption("cis.2.4", "iptables", true, true, "Docker may not manage iptables"),
        engine("cis.2.5", CisDaemonRules::insecureRegistries),
        new StorageDriver(benchmark),
        daemon("cis.2.8", CisDaemonRules::defaultUlimits),
        daemon("cis.2.10", CisDaemonRules::cgroupParent),
        daemon("cis.2.11", CisDaemonRules::baseDeviceSize),
        new DaemonOption(
            "cis.2.14",
            "no-new-privileges",
            false,
            true,
            "Containers may gain privileges by default"),
        engine("cis.2.15", CisDaemonRules::liveRestore),
        new DaemonOption(
            "cis.2.16", "userland-proxy", true, false, "The userland proxy is enabled"),
        engine("cis.2.17", CisDaemonRules::seccomp),
        engine("cis.2.18", CisDaemonRules::experimental),
        engine("cis.5.1", CisDaemonRules::swarm));
  }

  /** 2.3: a log level other than {@code info} is set; unset is the default, info. */
  static Outcome logLevel(DaemonConfig d, HostContext h) {
    String level = d.value("log-level").orElse("info");
    if (level.equals("info")) {
      return Outcome.pass("log-level", level, "source", d.source("log-level"));
    }
    return Outcome.fail(
        Violation.of(
            level,
            "The daemon logs at level " + level + ", not info",
            "log-level",
            level,
            "source",
            d.source("log-level")));
  }

  /**
   * 2.5: insecure registries, as the engine reports them. The loopback range every engine lists on
   * its own is no finding; docker-bench-security reads the flag and key only.
   */
  static Outcome insecureRegistries(EngineFacts e, HostContext h) {
    if (e.insecureRegistries().isEmpty()) {
      return Outcome.pass("insecure_registries", List.of());
    }
    return Outcome.fail(
        Violation.of(
            "",
            "The engine trusts insecure registries " + String.join(", ", e.insecureRegistries()),
            "insecure_registries",
            e.insecureRegistries()));
  }

  /** 2.8: default ulimits are set. Never a finding: without them containers get the daemon's. */
  static Outcome defaultUlimits(DaemonConfig d, HostContext h) {
    List<String> limits = d.values("default-ulimit");
    if (limits.isEmpty()) {
      return Outcome.info("no default ulimits are set", "default-ulimits", limits);
    }
    return Outcome.pass("default-ulimits", limits, "source", d.source("default-ulimit"));
  }

  /**
   * 2.10: a default cgroup parent is set, by flag or by {@code daemon.json} key (docker-bench-
   * security's check of the key can never fire).
   */
  static Outcome cgroupParent(DaemonConfig d, HostContext h) {
    Optional<String> parent = d.value("cgroup-parent");
    if (parent.isEmpty()) {
      return Outcome.pass("cgroup-parent", "(default)");
    }
    return Outcome.fail(
        Violation.of(
            "",
            "The daemon's default cgroup parent is changed to " + parent.get(),
            "cgroup-parent",
            parent.get(),
            "source",
            d.source("cgroup-parent")));
  }

  /** 2.11: the devicemapper base device size is changed. */
  static Outcome baseDeviceSize(DaemonConfig d, HostContext h) {
    List<String> opts =
        d.values("storage-opt").stream().filter(o -> o.startsWith("dm.basesize")).toList();
    if (opts.isEmpty()) {
      return Outcome.pass("storage-opts", d.values("storage-opt"));
    }
    return Outcome.fail(
        Violation.of(
            "",
            "The base device size is changed: " + String.join(", ", opts),
            "storage-opts",
            opts,
            "source",
            d.source("storage-opt")));
  }

  /** 2.15: live restore is off; a swarm node passes, since the two cannot go together. */
  static Outcome liveRestore(EngineFacts e, HostContext h) {
    if (e.liveRestore() || e.swarmActive()) {
      return Outcome.pass("LiveRestoreEnabled", e.liveRestore(), "Swarm", e.swarmState());
    }
    return Outcome.fail(
        Violation.of(
            "",
            "Live restore is off: containers stop when the daemon does",
            "LiveRestoreEnabled",
            false));
  }

  /**
   * 2.17: the engine applies a seccomp profile to containers by default. A custom profile passes;
   * docker-bench-security only informs then.
   */
  static Outcome seccomp(EngineFacts e, HostContext h) {
    Optional<String> profile = e.seccompProfile();
    if (profile.isPresent()) {
      return Outcome.pass("seccomp_profile", profile.get());
    }
    return Outcome.info(
        "the engine applies no seccomp profile", "SecurityOptions", e.securityOptions());
  }

  /**
   * 2.18: experimental features are on. docker-bench-security skips engines after 19.03, although
   * they still gate features behind the flag.
   */
  static Outcome experimental(EngineFacts e, HostContext h) {
    if (!e.experimental()) {
      return Outcome.pass("Experimental", false);
    }
    return Outcome.fail(
        Violation.of("", "Experimental features are enabled", "Experimental", true));
  }

  /** 5.1: swarm mode is on; waive or disable the rule where the swarm is wanted. */
  static Outcome swarm(EngineFacts e, HostContext h) {
    if (!e.swarmActive()) {
      return Outcome.pass("Swarm.LocalNodeState", e.swarmState());
    }
    return Outcome.fail(
        Violation.of(
            e.swarmState(),
            "Swarm mode is " + e.swarmState() + " on this engine",
            "Swarm.LocalNodeState",
            e.swarmState()));
  }

  /**
   * 2.6 (and v1.8.0's 2.7): a deprecated storage driver. aufs always; devicemapper when auditing
   * against v1.8.0, the first version to check it.
   */
  static final class StorageDriver implements HostRule {
    private final CisBenchmark benchmark;

    StorageDriver(CisBenchmark benchmark) {
      this.benchmark = benchmark;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis.2.6");
    }

    @Override
    public Outcome evaluate(HostContext host) {
      Optional<EngineFacts> e = Facts.engine(host);
      if (e.isEmpty()) {
        return Facts.engineUnknown(host);
      }
      String driver = e.get().storageDriver();
      boolean devicemapper = driver.equals("devicemapper") && benchmark == CisBenchmark.V1_8_0;
      if (!driver.equals("aufs") && !devicemapper) {
        return Outcome.pass("Driver", driver);
      }
      Violation v =
          Violation.of(
              driver, "The engine uses the deprecated storage driver " + driver, "Driver", driver);
      return Outcome.fail(devicemapper ? v.withCis("2.7") : v);
    }
  }

  private static HostRule daemon(String id, BiFunction<DaemonConfig, HostContext, Outcome> check) {
    return new Lambda(
        id,
        h -> Facts.daemon(h).map(d -> check.apply(d, h)).orElseGet(() -> Facts.daemonUnknown(h)));
  }

  private static HostRule engine(String id, BiFunction<EngineFacts, HostContext, Outcome> check) {
    return new Lambda(
        id,
        h -> Facts.engine(h).map(e -> check.apply(e, h)).orElseGet(() -> Facts.engineUnknown(h)));
  }

  /** A host rule given as a function. */
  private record Lambda(String id, Function<HostContext, Outcome> check) implements HostRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(id);
    }

    @Override
    public Outcome evaluate(HostContext host) {
      return check.apply(host);
    }
  }
}
