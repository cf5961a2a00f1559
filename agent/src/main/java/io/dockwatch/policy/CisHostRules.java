package io.dockwatch.policy;

import io.dockwatch.hostfacts.AuditRules;
import io.dockwatch.hostfacts.DockerGroup;
import io.dockwatch.hostfacts.EngineFacts;
import io.dockwatch.hostfacts.FileStat;
import io.dockwatch.hostfacts.HostFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** CIS section 1, host configuration: the data partition, the docker group, auditd watches. */
final class CisHostRules {
  private CisHostRules() {}

  static List<HostRule> all(RuleSettings settings) {
    List<HostRule> out = new ArrayList<>(List.of(new DataPartition(), new TrustedUsers(settings)));
    out.add(new AuditWatch("1.1.3", HostFile.DOCKERD_BINARY, false));
    out.add(new AuditWatch("1.1.4", HostFile.CONTAINERD_STATE_DIR, false));
    out.add(new AuditWatch("1.1.5", HostFile.DATA_ROOT, true));
    out.add(new AuditWatch("1.1.6", HostFile.ETC_DOCKER, true));
    out.add(new AuditWatch("1.1.7", HostFile.DOCKER_SERVICE_UNIT, true));
    out.add(new AuditWatch("1.1.8", HostFile.CONTAINERD_SOCKET, true));
    out.add(new AuditWatch("1.1.9", HostFile.DOCKER_SOCKET_UNIT, true));
    out.add(new AuditWatch("1.1.10", HostFile.ETC_DEFAULT_DOCKER, true));
    out.add(new AuditWatch("1.1.11", HostFile.DAEMON_JSON, true));
    out.add(new AuditWatch("1.1.12", HostFile.CONTAINERD_CONFIG, true));
    out.add(new AuditWatch("1.1.13", HostFile.ETC_SYSCONFIG_DOCKER, true));
    out.add(new AuditWatch("1.1.14", HostFile.CONTAINERD_BINARY, true));
    out.add(new AuditWatch("1.1.15", HostFile.SHIM_BINARY, true));
    out.add(new AuditWatch("1.1.16", HostFile.SHIM_RUNC_V1_BINARY, true));
    out.add(new AuditWatch("1.1.17", HostFile.SHIM_RUNC_V2_BINARY, true));
    out.add(new AuditWatch("1.1.18", HostFile.RUNC_BINARY, true));
    return out;
  }

  /**
   * 1.1.1: the engine's data root is a mount point of its own. With user namespaces the engine
   * reports a sub-directory ({@code ROOT/UID.GID}); its parent is the one to check.
   */
  static final class DataPartition implements HostRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis.1.1.1");
    }

    @Override
    public Outcome evaluate(HostContext host) {
      Optional<EngineFacts> e = Facts.engine(host);
      if (e.isEmpty()) {
        return Facts.engineUnknown(host);
      }
      Optional<Set<String>> mounts = host.facts().mountPoints();
      if (mounts.isEmpty()) {
        return Outcome.info("the mount table is unknown: " + host.facts().problem("mounts"));
      }
      String root = e.get().dockerRootDir();
      if (e.get().hasSecurityOption("userns") && root.matches(".*/\\d+\\.\\d+")) {
        root = root.substring(0, root.lastIndexOf('/'));
      }
      if (mounts.get().contains(root)) {
        return Outcome.pass("data_root", root, "mount_point", true);
      }
      return Outcome.fail(
          Violation.of(
              root,
              "The engine's data root " + root + " is not on a partition of its own",
              "data_root",
              root,
              "mount_point",
              false));
    }
  }

  /**
   * 1.1.2: the members of the {@code docker} group (who can drive the engine, and so own the host)
   * are all listed in {@code trusted_users}. Members by primary group count too, which {@code
   * getent group} alone does not show. Without a list the members are only reported.
   */
  static final class TrustedUsers implements HostRule {
    static final String ID = "cis.1.1.2";
    private final List<String> trusted;

    TrustedUsers(RuleSettings settings) {
      this.trusted = settings.list(ID, "trusted_users");
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(ID);
    }

    @Override
    public Outcome evaluate(HostContext host) {
      Optional<DockerGroup> g = host.facts().dockerGroup();
      if (g.isEmpty()) {
        return Outcome.info("no docker group: " + host.facts().problem("group"));
      }
      List<String> members = g.get().members();
      if (trusted.isEmpty()) {
        return Outcome.info(
            "members of group docker (list the trusted ones in trusted_users to check them)",
            "members",
            members);
      }
      List<String> untrusted = members.stream().filter(m -> !trusted.contains(m)).toList();
      if (untrusted.isEmpty()) {
        return Outcome.pass("members", members, "trusted_users", trusted);
      }
      return Outcome.fail(
          Violation.of(
              String.join(",", untrusted),
              "Untrusted user(s) in group docker: " + String.join(", ", untrusted),
              "untrusted",
              untrusted,
              "members",
              members,
              "trusted_users",
              trusted));
    }
  }

  /**
   * 1.1.3 to 1.1.18: auditd watches a file of the engine. A watch must name the file itself or a
   * directory above it; a watch on another file whose name merely contains this one's does not
   * count, which docker-bench-security's text search gets wrong.
   */
  static final class AuditWatch implements HostRule {
    private final String number;
    private final HostFile file;
    private final boolean onlyIfPresent;

    AuditWatch(String number, HostFile file, boolean onlyIfPresent) {
      this.number = number;
      this.file = file;
      this.onlyIfPresent = onlyIfPresent;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis." + number);
    }

    @Override
    public Outcome evaluate(HostContext host) {
      FileStat f = host.facts().file(file).orElse(FileStat.absent(file.defaultPath()));
      if (onlyIfPresent && !f.exists()) {
        return Outcome.info(f.path() + " does not exist", "path", f.path());
      }
      Optional<AuditRules> rules = host.facts().audit();
      if (rules.isEmpty()) {
        return Outcome.info("the audit rules are unknown: " + host.facts().problem("audit"));
      }
      List<String> spellings = List.of(f.path(), f.realPath());
      if (rules.get().covers(spellings)) {
        return Outcome.pass("path", f.path(), "watches", rules.get().coveringWatches(spellings));
      }
      return Outcome.fail(
          Violation.of(
              f.path(),
              "auditd does not watch " + f.path(),
              "path",
              f.path(),
              "rule_files",
              rules.get().sources()));
    }
  }
}
