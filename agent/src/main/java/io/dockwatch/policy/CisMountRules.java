package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.ContainerSnapshot.Mount;
import io.dockwatch.hostfacts.FileStat;
import io.dockwatch.hostfacts.HostFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** CIS section 5, mounts: sensitive host directories, shared propagation, the engine's socket. */
final class CisMountRules {
  /** Host directories that must not be mounted writable; {@code /} itself only as a whole. */
  static final List<String> SENSITIVE =
      List.of("/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr");

  private CisMountRules() {}

  static List<ContainerRule> all() {
    return List.of(new Sensitive(), new Propagation(), new EngineSocket());
  }

  /**
   * 5.6: a sensitive host directory, or anything beneath it, is bind-mounted writable. docker-
   * bench-security matches the directories themselves only, so {@code /etc/cron.d:rw} passes it.
   */
  static final class Sensitive implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis.5.6");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      List<Violation> out = new ArrayList<>();
      for (Mount m : c.mounts()) {
        if (!"bind".equals(m.type()) || !m.readWrite()) {
          continue;
        }
        boolean sensitive =
            m.source().equals("/")
                || SENSITIVE.stream().anyMatch(d -> BackupRules.under(m.source(), d));
        if (sensitive) {
          out.add(
              Violation.of(
                  m.destination(),
                  "Container "
                      + c.name()
                      + " mounts sensitive host path "
                      + m.source()
                      + " writable",
                  "mount",
                  BackupRules.describe(m)));
        }
      }
      return Outcome.of(out, "mounts", c.mounts().stream().map(BackupRules::describe).toList());
    }
  }

  /** 5.20: a mount propagates to and from the host ({@code shared} or {@code rshared}). */
  static final class Propagation implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis.5.20");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      List<Violation> out = new ArrayList<>();
      for (Mount m : c.mounts()) {
        if (m.propagation().equals("shared") || m.propagation().equals("rshared")) {
          out.add(
              Violation.of(
                  m.destination(),
                  "Container "
                      + c.name()
                      + " mounts "
                      + m.source()
                      + " with "
                      + m.propagation()
                      + " propagation",
                  "mount",
                  BackupRules.describe(m),
                  "Propagation",
                  m.propagation()));
        }
      }
      return Outcome.of(
          out,
          "propagation",
          c.mounts().stream().map(m -> m.destination() + "=" + m.propagation()).toList());
    }
  }

  /**
   * 5.32: the engine's socket is reachable from inside, read-only or not (a read-only mount of a
   * socket still lets a process connect to it). Found by the name {@code docker.sock}, by the path
   * the daemon really listens on, and by a mount of a directory holding it ({@code -v
   * /var/run:/var/run}).
   */
  static final class EngineSocket implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis.5.32");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      Set<String> sockets =
          new LinkedHashSet<>(List.of("/var/run/docker.sock", "/run/docker.sock"));
      host.facts().file(HostFile.ENGINE_SOCKET).ifPresent(f -> sockets.addAll(spellings(f)));
      List<Violation> out = new ArrayList<>();
      for (Mount m : c.mounts()) {
        if (!"bind".equals(m.type())) {
          continue;
        }
        boolean exposes =
            m.source().endsWith("/docker.sock")
                || m.destination().endsWith("/docker.sock")
                || sockets.stream().anyMatch(s -> BackupRules.under(s, m.source()));
        if (exposes) {
          out.add(
              Violation.of(
                  m.destination(),
                  "Container " + c.name() + " can reach the engine's socket through " + m.source(),
                  "mount",
                  BackupRules.describe(m),
                  "engine_sockets",
                  new ArrayList<>(sockets)));
        }
      }
      return Outcome.of(out, "engine_sockets", new ArrayList<>(sockets));
    }

    private static List<String> spellings(FileStat f) {
      return List.of(f.path(), f.realPath());
    }
  }
}
