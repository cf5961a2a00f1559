package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.ContainerSnapshot.Mount;
import java.util.ArrayList;
import java.util.List;

/** The host is no backup medium: writable data does not live on it unless declared backed up. */
final class BackupRules {
  private BackupRules() {}

  static List<ContainerRule> all(RuleSettings settings) {
    return List.of(new HostBindMount(settings), new LocalVolume(settings));
  }

  /** Whether {@code path} is {@code prefix} or beneath it, compared by whole path components. */
  static boolean under(String path, String prefix) {
    String p = trim(path);
    String q = trim(prefix);
    return q.equals("/") || p.equals(q) || p.startsWith(q + "/");
  }

  private static String trim(String path) {
    String p = path.replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  static String describe(Mount m) {
    return m.source() + ":" + m.destination() + (m.readWrite() ? ":rw" : ":ro");
  }

  /** A writable bind mount of a host path outside {@code allowed_prefixes}. */
  static final class HostBindMount implements ContainerRule {
    static final String ID = "backup.host-bind-mount";
    private final List<String> allowed;

    HostBindMount(RuleSettings settings) {
      this.allowed = settings.list(ID, "allowed_prefixes");
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(ID);
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      List<Violation> out = new ArrayList<>();
      List<String> writable = new ArrayList<>();
      for (Mount m : c.mounts()) {
        if (!"bind".equals(m.type()) || !m.readWrite()) {
          continue;
        }
        writable.add(describe(m));
        if (allowed.stream().noneMatch(p -> under(m.source(), p))) {
          out.add(
              Violation.of(
                  m.destination(),
                  "Container "
                      + c.name()
                      + " writes to host path "
                      + m.source()
                      + " (mounted at "
                      + m.destination()
                      + ")",
                  "mount",
                  describe(m),
                  "allowed_prefixes",
                  allowed));
        }
      }
      return Outcome.of(out, "writable_bind_mounts", writable, "allowed_prefixes", allowed);
    }
  }

  /**
   * A writable volume of the {@code local} driver lives on the host's disk. Volumes whose name
   * matches {@code backed_up} (globs) are declared backed up by the operator.
   */
  static final class LocalVolume implements ContainerRule {
    static final String ID = "backup.local-volume";
    private final List<String> backedUp;

    LocalVolume(RuleSettings settings) {
      this.backedUp = settings.list(ID, "backed_up");
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(ID);
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      List<Violation> out = new ArrayList<>();
      List<String> volumes = new ArrayList<>();
      for (Mount m : c.mounts()) {
        if (!"volume".equals(m.type()) || !m.readWrite() || !"local".equals(m.driver())) {
          continue;
        }
        volumes.add(m.name());
        if (!Globs.anyMatches(backedUp, m.name())) {
          out.add(
              Violation.of(
                  m.name(),
                  "Container "
                      + c.name()
                      + " keeps data in local volume "
                      + m.name()
                      + " (at "
                      + m.destination()
                      + "), not declared as backed up",
                  "volume",
                  m.name(),
                  "Destination",
                  m.destination(),
                  "Driver",
                  m.driver()));
        }
      }
      return Outcome.of(out, "local_volumes", volumes, "backed_up", backedUp);
    }
  }
}
