package io.dockwatch.policy;

import io.dockwatch.hostfacts.DockerGroup;
import io.dockwatch.hostfacts.FileStat;
import io.dockwatch.hostfacts.HostFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * CIS section 3: the ownership and permissions of the daemon's files. Permissions are compared as
 * bits: a file may not grant any bit the limit does not. docker-bench-security compares the octal
 * text as a decimal number, so that 0700 "passes" a limit of 644 and 0651 "fails" one of 700.
 */
final class CisFileRules {
  static final int ROOT = 0;

  private CisFileRules() {}

  static List<HostRule> all() {
    List<HostRule> out = new ArrayList<>();
    out.add(owner("3.1", HostFile.DOCKER_SERVICE_UNIT, false));
    out.add(mode("3.2", HostFile.DOCKER_SERVICE_UNIT, 0644));
    out.add(owner("3.3", HostFile.DOCKER_SOCKET_UNIT, false));
    out.add(mode("3.4", HostFile.DOCKER_SOCKET_UNIT, 0644));
    out.add(owner("3.5", HostFile.ETC_DOCKER, false));
    out.add(mode("3.6", HostFile.ETC_DOCKER, 0755));
    out.add(new Certs("3.7", f -> ownerProblem(f, ROOT)));
    out.add(new Certs("3.8", f -> modeProblem(f, 0444)));
    out.add(owner("3.9", HostFile.TLS_CA_CERT, false));
    out.add(mode("3.10", HostFile.TLS_CA_CERT, 0444));
    out.add(owner("3.11", HostFile.TLS_CERT, false));
    out.add(mode("3.12", HostFile.TLS_CERT, 0444));
    out.add(owner("3.13", HostFile.TLS_KEY, false));
    out.add(mode("3.14", HostFile.TLS_KEY, 0400));
    out.add(owner("3.15", HostFile.ENGINE_SOCKET, true));
    out.add(mode("3.16", HostFile.ENGINE_SOCKET, 0660));
    out.add(owner("3.17", HostFile.DAEMON_JSON, false));
    out.add(mode("3.18", HostFile.DAEMON_JSON, 0644));
    out.add(owner("3.19", HostFile.ETC_DEFAULT_DOCKER, false));
    out.add(mode("3.20", HostFile.ETC_DEFAULT_DOCKER, 0644));
    out.add(mode("3.21", HostFile.ETC_SYSCONFIG_DOCKER, 0644));
    out.add(owner("3.22", HostFile.ETC_SYSCONFIG_DOCKER, false));
    out.add(owner("3.23", HostFile.CONTAINERD_SOCKET, false));
    out.add(mode("3.24", HostFile.CONTAINERD_SOCKET, 0660));
    return out;
  }

  /** What is wrong with the owner, or empty; the owner must be root and the group {@code gid}. */
  static Optional<String> ownerProblem(FileStat f, int gid) {
    if (f.uid() == ROOT && f.gid() == gid) {
      return Optional.empty();
    }
    return Optional.of(f.path() + " is owned by " + f.uid() + ":" + f.gid() + ", not 0:" + gid);
  }

  /** What is wrong with the permissions, or empty. */
  static Optional<String> modeProblem(FileStat f, int allowed) {
    if (!f.grantsMoreThan(allowed)) {
      return Optional.empty();
    }
    return Optional.of(
        f.path()
            + " has mode "
            + f.octalMode()
            + ", granting "
            + f.excessBits(allowed)
            + " beyond "
            + FileStat.octal(allowed));
  }

  /** The verdict when there is no file to check: not configured, unknown, or absent. */
  private static Optional<Outcome> nothingToCheck(HostContext host, HostFile file) {
    Optional<FileStat> f = host.facts().file(file);
    if (f.isEmpty()) {
      if (file.defaultPath().isEmpty()) {
        return Optional.of(Outcome.info("the daemon configures no " + describe(file)));
      }
      return Optional.of(
          Outcome.info("the host's files are unknown: " + host.facts().problem("files")));
    }
    if (!f.get().exists()) {
      return Optional.of(Outcome.info(f.get().path() + " does not exist", "path", f.get().path()));
    }
    return Optional.empty();
  }

  private static String describe(HostFile tlsFile) {
    return switch (tlsFile) {
      case TLS_CA_CERT -> "TLS CA certificate (tlscacert)";
      case TLS_CERT -> "TLS certificate (tlscert)";
      case TLS_KEY -> "TLS key (tlskey)";
      default -> tlsFile.name().toLowerCase(Locale.ROOT);
    };
  }

  private static Outcome decide(FileStat f, Optional<String> problem, Map<String, Object> extra) {
    Map<String, Object> evidence = f.evidence();
    evidence.putAll(extra);
    if (problem.isEmpty()) {
      return new Outcome.Pass(evidence);
    }
    return Outcome.fail(new Violation(f.path(), problem.get(), evidence));
  }

  /** Owned by root, and by group root, or group {@code docker} for the engine's socket. */
  static HostRule owner(String number, HostFile file, boolean dockerGroup) {
    return new FileRule(
        number,
        file,
        (stat, host) -> {
          // without a docker group on the host, root's own group is the only right one
          int gid =
              dockerGroup ? host.facts().dockerGroup().map(DockerGroup::gid).orElse(ROOT) : ROOT;
          return decide(stat, ownerProblem(stat, gid), Map.of("expected", "0:" + gid));
        });
  }

  /** Grants no permission bit beyond {@code allowed}. */
  static HostRule mode(String number, HostFile file, int allowed) {
    return new FileRule(
        number,
        file,
        (stat, host) ->
            decide(stat, modeProblem(stat, allowed), Map.of("allowed", FileStat.octal(allowed))));
  }

  /** One of the daemon's files, judged by {@code check} once it is known to exist. */
  static final class FileRule implements HostRule {
    private final String number;
    private final HostFile file;
    private final BiFunction<FileStat, HostContext, Outcome> check;

    FileRule(String number, HostFile file, BiFunction<FileStat, HostContext, Outcome> check) {
      this.number = number;
      this.file = file;
      this.check = check;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis." + number);
    }

    @Override
    public Outcome evaluate(HostContext host) {
      Optional<Outcome> note = nothingToCheck(host, file);
      if (note.isPresent()) {
        return note.get();
      }
      return check.apply(host.facts().file(file).orElseThrow(), host);
    }
  }

  /**
   * Every certificate and key under {@code /etc/docker/certs.d}, one violation per file. Owner and
   * group are both checked, as the benchmark's title asks; docker-bench-security checks only the
   * owner.
   */
  static final class Certs implements HostRule {
    private final String number;
    private final Function<FileStat, Optional<String>> problem;

    Certs(String number, Function<FileStat, Optional<String>> problem) {
      this.number = number;
      this.problem = problem;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis." + number);
    }

    @Override
    public Outcome evaluate(HostContext host) {
      List<FileStat> certs = host.facts().registryCerts();
      if (certs.isEmpty()) {
        return Outcome.info("no registry certificates under /etc/docker/certs.d");
      }
      List<Violation> out = new ArrayList<>();
      for (FileStat f : certs) {
        problem.apply(f).ifPresent(p -> out.add(new Violation(f.path(), p, f.evidence())));
      }
      return Outcome.of(out, "files", certs.stream().map(FileStat::path).toList());
    }
  }
}
