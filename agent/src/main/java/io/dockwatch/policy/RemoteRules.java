package io.dockwatch.policy;

import io.dockwatch.config.Selector;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.hostfacts.DaemonConfig;
import io.dockwatch.policy.ContainerActivity.ExecTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Remote access: the engine only over mutual TLS, no remote-access daemons, few exec sessions. */
final class RemoteRules {
  private RemoteRules() {}

  static List<ContainerRule> containerRules(
      RuleSettings settings, List<Selector> remoteAccess, CisBenchmark benchmark) {
    return List.of(new DaemonInContainer(settings, remoteAccess), new Exec(benchmark));
  }

  static List<HostRule> hostRules() {
    return List.of(new EngineTcpPlain());
  }

  /**
   * The engine listens on TCP ({@code -H tcp://...}, or a bare {@code HOST:PORT}) without {@code
   * tlsverify}: anyone who reaches the port owns the host. TLS without verification authenticates
   * the server only and fails too.
   */
  static final class EngineTcpPlain implements HostRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("remote.engine-tcp-plain");
    }

    @Override
    public Outcome evaluate(HostContext host) {
      Optional<DaemonConfig> daemon = Facts.daemon(host);
      if (daemon.isEmpty()) {
        return Facts.daemonUnknown(host);
      }
      DaemonConfig d = daemon.get();
      List<String> tcp = d.hosts().stream().filter(EngineTcpPlain::isTcp).toList();
      if (tcp.isEmpty()) {
        return Outcome.info("the engine does not listen on TCP", "hosts", d.hosts());
      }
      boolean verify = d.bool("tlsverify").orElse(false);
      boolean tls = verify || d.bool("tls").orElse(false);
      if (verify) {
        return Outcome.pass("tcp_hosts", tcp, "tlsverify", true);
      }
      return Outcome.fail(
          Violation.of(
              tls ? "tls-without-verify" : "plain",
              "The engine listens on "
                  + String.join(", ", tcp)
                  + (tls ? " with TLS but without client verification" : " without TLS"),
              "tcp_hosts",
              tcp,
              "tls",
              tls,
              "tlsverify",
              false,
              "source",
              d.source("host")));
    }

    static boolean isTcp(String host) {
      String h = host.trim();
      return !(h.startsWith("unix://") || h.startsWith("fd://") || h.startsWith("npipe://"))
          && !h.isEmpty();
    }
  }

  /**
   * A remote-access daemon runs inside: read from the host through the engine's {@code top}
   * endpoint, which needs nothing inside the image. docker-bench-security runs {@code ps} inside
   * the container instead, and an image without {@code ps} passes it silently.
   */
  static final class DaemonInContainer implements ContainerRule {
    static final String ID = "remote.daemon-in-container";
    private final List<String> programs;
    private final List<Selector> remoteAccess;

    DaemonInContainer(RuleSettings settings, List<Selector> remoteAccess) {
      this.programs = settings.list(ID, "programs");
      this.remoteAccess = List.copyOf(remoteAccess);
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(ID);
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      for (Selector s : remoteAccess) {
        if (s.matches(c.name(), c.image(), c.labels())) {
          return Outcome.pass("remote_access_purpose", s.reason());
        }
      }
      if (!c.running()) {
        return Outcome.info("the container is not running", "State.Status", c.status());
      }
      ContainerActivity a = host.activityOf(c.id());
      if (a.processes().isEmpty()) {
        return Outcome.info("the container's processes were not read");
      }
      TreeSet<String> found = new TreeSet<>();
      for (String name : a.processes().get()) {
        if (Globs.anyMatches(programs, name)) {
          found.add(name);
        }
      }
      if (found.isEmpty()) {
        return Outcome.pass(
            "processes", a.processes().get().size(), "read_at", a.processesReadAt().toString());
      }
      return Outcome.fail(
          Violation.of(
              String.join(",", found),
              "Container " + c.name() + " runs remote-access daemon(s) " + String.join(", ", found),
              "programs",
              new ArrayList<>(found),
              "read_at",
              a.processesReadAt().toString()));
    }
  }

  /**
   * Exec sessions started in the container, one finding per kind: privileged (CIS 5.23) and root
   * (CIS 5.24) weigh high, others keep the rule's severity. docker-bench-security cannot automate
   * either check; the agent sees each session's event and inspects it. Findings carry who and how
   * often, never the command, which can hold a password.
   */
  static final class Exec implements ContainerRule {
    private final CisBenchmark benchmark;

    Exec(CisBenchmark benchmark) {
      this.benchmark = benchmark;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("remote.exec");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      ContainerActivity a = host.activityOf(c.id());
      if (!a.execsWatched()) {
        return Outcome.info("exec sessions are seen only by the running agent, from engine events");
      }
      if (a.execs().isEmpty()) {
        return Outcome.pass("exec_sessions", 0);
      }
      List<Violation> out = new ArrayList<>();
      for (ExecTally t : a.execs()) {
        String who =
            switch (t.kind()) {
              case PRIVILEGED -> "privileged ";
              case ROOT -> "root ";
              case USER -> "";
              case UNKNOWN -> "(no longer inspectable) ";
            };
        Violation v =
            Violation.of(
                t.kind().label(),
                "Container "
                    + c.name()
                    + " had "
                    + t.count()
                    + " "
                    + who
                    + "exec session(s), the last at "
                    + t.last(),
                "kind",
                t.kind().label(),
                "sessions",
                t.count(),
                "first",
                t.first().toString(),
                "last",
                t.last().toString(),
                "user",
                t.lastUser().isEmpty()
                    ? "(container's: " + c.security().user() + ")"
                    : t.lastUser());
        out.add(
            switch (t.kind()) {
              case PRIVILEGED -> v.withSeverity(Severity.HIGH).withCis(benchmark.number("5.23"));
              case ROOT -> v.withSeverity(Severity.HIGH).withCis(benchmark.number("5.24"));
              case USER, UNKNOWN -> v.withCis("");
            });
      }
      return new Outcome.Fail(out);
    }
  }
}
