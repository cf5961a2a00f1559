package io.dockwatch.e2e;

import static io.dockwatch.e2e.support.AgentConfigs.PROD_LABELS;
import static io.dockwatch.e2e.support.MatrixRow.create;
import static io.dockwatch.e2e.support.MatrixRow.run;
import static io.dockwatch.e2e.support.Verdict.FAIL;
import static io.dockwatch.e2e.support.Verdict.INFO;
import static io.dockwatch.e2e.support.Verdict.PASS;
import static io.dockwatch.e2e.support.Verdict.fail;
import static io.dockwatch.e2e.support.Verdict.failTimes;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.AuditVerdicts;
import io.dockwatch.e2e.support.Disagreements;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.ForwardReceiver;
import io.dockwatch.e2e.support.Matrix;
import io.dockwatch.e2e.support.MatrixRow;
import io.dockwatch.e2e.support.OpenFindings;
import io.dockwatch.e2e.support.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite: a matrix of real containers, one per check and per edge case, each with
 * the verdict of every container rule written down below, and the agent held to that table twice:
 * by {@code dockwatch audit --format json} (every check, passes included) and by the findings the
 * running agent forwards (open exactly where the table fails, as often as it fails).
 */
@ExtendWith(E2eExtension.class)
class ConformanceEndToEndTest {
  private static final String NETWORK = "cf-net";
  private static final String VOLUME = "cf-data";
  private static final String HEALTH = "{{.State.Health.Status}}";

  /**
   * A plain {@code docker run -d local/busybox:1 sleep 3600}, without labels, on an engine with its
   * default configuration: the verdict of every container rule. {@code remote.exec} is the running
   * agent's verdict; the audit sees no engine events and says {@code info} for every container.
   */
  private static final Map<String, Verdict> BASELINE =
      new TreeMap<>(
          Map.ofEntries(
              entry("tenancy.mixed", INFO), // no full tenant: tenancy.unlabelled decides
              entry("tenancy.unlabelled", fail("env,sys,cust")),
              entry("logging.driver", fail("json-file")),
              entry("logging.address", INFO), // not fluentd: logging.driver decides
              entry("patch.image-age", PASS),
              entry("monitoring.no-healthcheck", FAIL),
              entry("monitoring.unhealthy", INFO), // no healthcheck, no health status
              entry("monitoring.restart-loop", PASS),
              entry("monitoring.oom-killed", PASS),
              entry("backup.host-bind-mount", PASS),
              entry("backup.local-volume", PASS),
              entry("immutable.rootfs-writable", FAIL),
              entry("immutable.image-unpinned", FAIL),
              entry("remote.daemon-in-container", PASS),
              entry("remote.exec", PASS),
              entry("network.publish-all", PASS),
              entry("network.port-not-allowed", PASS),
              entry("network.bind-all-interfaces", PASS),
              entry("network.privileged-port", PASS),
              entry("network.host-mode", PASS),
              entry("network.default-bridge", FAIL),
              entry("cis.4.1", FAIL),
              entry("cis.5.2", INFO), // no AppArmor on the engine
              entry("cis.5.3", INFO), // no SELinux on the engine
              entry("cis.5.4", PASS),
              entry("cis.c.5.3.1", PASS),
              entry("cis.c.5.3.2", PASS),
              entry("cis.c.5.3.3", PASS),
              entry("cis.c.5.3.4", PASS),
              entry("cis.5.5", PASS),
              entry("cis.5.6", PASS),
              entry("cis.5.11", FAIL),
              entry("cis.5.12", FAIL),
              entry("cis.5.15", PASS),
              entry("cis.5.16", PASS),
              entry("cis.5.17", PASS),
              entry("cis.5.18", PASS),
              entry("cis.5.19", INFO), // no ulimit set
              entry("cis.5.20", PASS),
              entry("cis.5.21", PASS),
              entry("cis.5.22", PASS),
              entry("cis.5.25", PASS),
              entry("cis.5.26", FAIL), // the engine's default lets containers gain privileges
              entry("cis.5.29", FAIL),
              entry("cis.5.31", PASS),
              entry("cis.5.32", PASS)));

  /** A container that was created and never started has no processes to judge. */
  private static final Map<String, Verdict> CREATED =
      replaced(BASELINE, "remote.daemon-in-container", INFO);

  /**
   * The host rules whose verdict the private engine of the tests fixes: started with {@code
   * --iptables=false} and an empty {@code daemon.json}, listening on a unix socket only.
   */
  private static final Map<String, Verdict> PRIVATE_ENGINE =
      new TreeMap<>(
          Map.ofEntries(
              entry("network.icc", FAIL),
              entry("engine.userns", FAIL),
              entry("engine.authz", FAIL),
              entry("logging.daemon-default", fail("json-file")),
              entry("remote.engine-tcp-plain", INFO),
              entry("patch.engine-version", PASS),
              entry("cis.2.3", PASS),
              entry("cis.2.4", FAIL),
              entry("cis.2.5", PASS),
              entry("cis.2.10", PASS),
              entry("cis.2.11", PASS),
              entry("cis.2.14", FAIL),
              entry("cis.2.15", FAIL),
              entry("cis.2.16", FAIL),
              entry("cis.2.18", PASS),
              entry("cis.5.1", PASS)));

  @Test
  void everyContainerOfTheMatrix_getsTheTablesVerdicts_fromTheAuditAndFromTheRunningAgent(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    Setting setting = setting(engine, receiver, agents);
    List<MatrixRow> rows = table(setting);
    String config = agents.writeConfig(config(engine, receiver, agents, setting)).toString();
    boolean lsm =
        engine.docker("info", "-f", "{{.SecurityOptions}}").matches("(?s).*(apparmor|selinux).*");
    engine.docker("network", "create", NETWORK);
    try {
      AgentProcess agent = agents.start("run", "--config", config);
      agent.awaitStderr(line -> line.contains("connected to engine"));
      Matrix.make(engine, rows.subList(1, rows.size()));
      Matrix.exec(engine, "0", "cf-exec-root");
      Matrix.exec(engine, "1000", "cf-exec-user");
      Matrix.exec(engine, "root", "cf-exec-root-healthy");
      Matrix.execPrivileged(engine, "cf-exec-privileged");
      // a probe of each container with a healthcheck has run while the agent watched
      Matrix.awaitState(engine, "cf-healthcheck", HEALTH, "healthy");
      Matrix.awaitState(engine, "cf-hardened", HEALTH, "healthy");
      Matrix.awaitState(engine, "cf-exec-root-healthy", HEALTH, "healthy");
      Matrix.awaitState(engine, "cf-unhealthy", HEALTH, "unhealthy");
      Matrix.awaitOomKill(engine, "cf-oom-killed");
      rows.get(0).make(engine);
      int plainFails = BASELINE.values().stream().mapToInt(Verdict::failures).sum();
      receiver.awaitEntries(e -> OpenFindings.about(e, "cf-plain", "open"), plainFails);
      OpenFindings open = OpenFindings.of(receiver.entries());
      AgentProcess audit = agents.start("audit", "--config", config, "--format", "json");
      int exit = audit.awaitExit(Duration.ofSeconds(60));
      AuditVerdicts report = AuditVerdicts.parse(String.join("\n", audit.stdout()));

      int portsOfP = Matrix.hostPorts(engine, "cf-publish-all").size();
      Map<String, Map<String, Verdict>> expected =
          expected(table(setting.withPortsOfP(portsOfP)), lsm);
      assertSoftly(
          soft -> {
            soft.assertThat(exit).as("audit exit status: high findings").isEqualTo(1);
            soft.assertThat(Disagreements.withAudit(auditView(expected), report, true))
                .as("the audit against the table")
                .isEmpty();
            soft.assertThat(Disagreements.withDaemon(expected, open))
                .as("the running agent's open findings against the table")
                .isEmpty();
            soft.assertThat(open.of("cf-exec-root", "remote.exec"))
                .singleElement()
                .satisfies(e -> assertThat(e.field("severity")).isEqualTo("high"))
                .satisfies(e -> assertThat(e.field("cis")).isEqualTo("5.24"));
            soft.assertThat(open.of("cf-exec-privileged", "remote.exec"))
                .singleElement()
                .satisfies(e -> assertThat(e.field("severity")).isEqualTo("high"))
                .satisfies(e -> assertThat(e.field("cis")).isEqualTo("5.23"));
            soft.assertThat(open.of("cf-exec-user", "remote.exec"))
                .singleElement()
                .satisfies(e -> assertThat(e.field("severity")).isEqualTo("low"));
            soft.assertThat(report.messages("cf-nnp-false", "cis.5.26"))
                .singleElement()
                .asString()
                .contains("the container turns it off");
            if (engine.isPrivate()) {
              Map<String, Map<String, Verdict>> host = Map.of("e2e-host", PRIVATE_ENGINE);
              soft.assertThat(Disagreements.withAudit(host, report, false))
                  .as("the audit of the private engine")
                  .isEmpty();
              soft.assertThat(
                      Disagreements.withDaemon(Map.of(OpenFindings.HOST, PRIVATE_ENGINE), open))
                  .as("the running agent's host findings on the private engine")
                  .isEmpty();
            }
          });
    } finally {
      try {
        engine.removeTestContainers();
      } finally {
        // a network left behind would leave its bridge on the host after a private engine stops
        engine.docker("network", "rm", NETWORK);
        engine.docker("volume", "rm", "-f", VOLUME);
      }
    }
  }

  /** Every row's verdicts; without 5.2 and 5.3 where the engine runs AppArmor or SELinux. */
  private static Map<String, Map<String, Verdict>> expected(List<MatrixRow> rows, boolean lsm) {
    Map<String, Map<String, Verdict>> out = new LinkedHashMap<>();
    for (MatrixRow row : rows) {
      Map<String, Verdict> verdicts = row.verdicts(row.started() ? BASELINE : CREATED);
      if (lsm) {
        // the table is written for an engine without either; elsewhere they judge for real
        verdicts.keySet().removeAll(List.of("cis.5.2", "cis.5.3"));
      }
      out.put(row.name(), verdicts);
    }
    return out;
  }

  /** The table as the audit sees it: without engine events, {@code remote.exec} only informs. */
  private static Map<String, Map<String, Verdict>> auditView(Map<String, Map<String, Verdict>> t) {
    Map<String, Map<String, Verdict>> out = new LinkedHashMap<>();
    t.forEach((name, verdicts) -> out.put(name, replaced(verdicts, "remote.exec", INFO)));
    return out;
  }

  private static Map<String, Verdict> replaced(Map<String, Verdict> m, String rule, Verdict v) {
    Map<String, Verdict> out = new TreeMap<>(m);
    out.put(rule, v);
    return out;
  }

  private static Setting setting(Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    Path dir = agents.workDir().resolve("shared");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Setting(
        AgentConfigs.freePort(),
        AgentConfigs.freePort(),
        AgentConfigs.freePort(),
        Matrix.freePrivilegedPort(),
        AgentConfigs.freePort(),
        AgentConfigs.freePort(),
        AgentConfigs.freePort(),
        AgentConfigs.freePort(),
        engine.docker("image", "inspect", "-f", "{{.Id}}", Engine.IMAGE).strip(),
        Path.of(engine.host().replaceFirst("^unix://", "")),
        dir.toAbsolutePath(),
        AgentConfigs.fluentdLogging(receiver),
        2);
  }

  /**
   * The standard configuration, its host tenant pinned (so that the verdicts do not depend on which
   * container is oldest on a shared engine) and {@code cf-bastion} declared a remote-access host.
   */
  private static String config(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents, Setting s) {
    int http = AgentConfigs.freePort();
    return AgentConfigs.standard(engine, receiver, agents, http, s.allowed(), s.allowedToo())
        + """
        [tenancy.expected]
        environment = "prod"
        system = "shop"
        customer = "acme"
        [[remote_access]]
        name = "cf-bastion"
        reason = "telnet jump host of the conformance matrix"
        """;
  }

  /**
   * The matrix: every row's verdicts are the baseline's ({@link #CREATED}'s for a row that is only
   * created) but where the row says otherwise. The first row is made last: once its findings are
   * out, the agent has evaluated every event before it.
   */
  private static List<MatrixRow> table(Setting s) {
    return List.of(
        run("cf-plain"),
        create("cf-privileged", "--privileged").expect("cis.5.5", FAIL),
        run("cf-caps", "--cap-add", "NET_ADMIN", "--cap-add", "SYS_ADMIN")
            .with("--cap-add", "cap_sys_ptrace") // the engine takes the cap_ prefix too
            .expect(FAIL, "cis.5.4", "cis.c.5.3.3", "cis.c.5.3.4"),
        run("cf-cap-drop-all", "--cap-drop", "ALL", "--cap-add", "CHOWN").expect("cis.5.4", PASS),
        create("cf-cap-all", "--cap-add", "ALL")
            .expect(FAIL, "cis.5.4", "cis.c.5.3.1", "cis.c.5.3.2", "cis.c.5.3.3", "cis.c.5.3.4"),
        run("cf-publish-all", "--expose", "80", "--expose", "443", "-P")
            .expect("network.publish-all", FAIL)
            // one per host port: the engine picks one for 0.0.0.0 and one for ::, usually the same
            .expect(
                failTimes(s.portsOfP()), "network.port-not-allowed", "network.bind-all-interfaces"),
        run("cf-ports", "-p", s.wildcard() + ":80", "-p", "127.0.0.1:" + s.allowed() + ":443")
            .with("-p", "127.0.0.1:" + s.privileged() + ":8000")
            .with("-p", "127.0.0.1:" + s.allowed() + ":443/udp") // only the tcp port is allowed
            .expect("network.bind-all-interfaces", fail(s.wildcard() + "/tcp"))
            .expect("network.privileged-port", fail(s.privileged() + "/tcp"))
            .expect(
                "network.port-not-allowed",
                fail(s.wildcard() + "/tcp", s.privileged() + "/tcp", s.allowed() + "/udp")),
        create("cf-port-1024", "-p", "127.0.0.1:1023:80", "-p", "127.0.0.1:1024:81")
            .expect("network.privileged-port", fail("1023/tcp")) // 1024 is not privileged
            .expect("network.port-not-allowed", fail("1023/tcp", "1024/tcp")),
        create("cf-ipv6", "-p", s.empty() + ":80", "-p", "[::1]:" + s.loopback6() + ":444")
            .expect(
                "network.bind-all-interfaces",
                fail(s.empty() + "/tcp", s.loopback6() + "/tcp@address")) // ::1 is not allowed
            .expect("network.port-not-allowed", fail(s.empty() + "/tcp", s.loopback6() + "/tcp")),
        create(
                "cf-wildcards",
                "-p",
                "0.0.0.0:" + s.any4() + ":80",
                "-p",
                "[::]:" + s.any6() + ":81")
            .expect("network.bind-all-interfaces", fail(s.any4() + "/tcp", s.any6() + "/tcp"))
            .expect("network.port-not-allowed", fail(s.any4() + "/tcp", s.any6() + "/tcp")),
        run("cf-host-network", "--network", "host")
            .expect("network.host-mode", FAIL)
            .expect("network.default-bridge", PASS),
        run("cf-no-network", "--network", "none").expect("network.default-bridge", PASS),
        run("cf-log-none", "--log-driver", "none").expect("logging.driver", fail("none")),
        run("cf-log-local", "--log-driver", "local").expect("logging.driver", fail("local")),
        create("cf-log-syslog", "--log-driver", "syslog").expect("logging.driver", fail("syslog")),
        create("cf-log-journald", "--log-driver", "journald")
            .expect("logging.driver", fail("journald")),
        create("cf-log-gelf", "--log-driver", "gelf", "--log-opt", "gelf-address=udp://127.0.0.1:1")
            .expect("logging.driver", fail("gelf")),
        create("cf-log-fluentd", "--log-driver", "fluentd")
            .expect("logging.driver", PASS)
            .expect("logging.address", fail("(default)")), // no fluentd-address: localhost:24224
        run("cf-host-dirs", "-v", "/etc:/host-etc", "-v", "/usr/share:/share:ro")
            .with("-v", "/usr/local:/host-usr-local") // beneath /usr
            .expect(fail("/host-etc", "/host-usr-local"), "cis.5.6", "backup.host-bind-mount"),
        create("cf-host-root", "-v", "/:/hostroot") // which holds the engine's socket too
            .expect(fail("/hostroot"), "cis.5.6", "backup.host-bind-mount", "cis.5.32"),
        run("cf-engine-socket", "-v", s.socket() + ":/var/run/docker.sock:ro")
            .expect("cis.5.32", fail("/var/run/docker.sock")),
        create("cf-engine-dir", "-v", s.socket().getParent() + ":/engine:ro")
            .expect("cis.5.32", fail("/engine")),
        run("cf-host-namespaces", "--pid", "host", "--ipc", "host", "--uts", "host")
            .with("--userns", "host")
            .expect(FAIL, "cis.5.16", "cis.5.17", "cis.5.21", "cis.5.31"),
        run("cf-seccomp", "--security-opt", "seccomp=unconfined").expect("cis.5.22", FAIL),
        create("cf-seccomp-colon", "--security-opt", "seccomp:unconfined") // the old spelling
            .expect("cis.5.22", FAIL),
        create("cf-shared-mount", "-v", s.dir() + ":/mnt:rshared")
            .expect(fail("/mnt"), "cis.5.20", "backup.host-bind-mount"),
        run("cf-restart-always", "--restart", "always").expect("cis.5.15", fail("always")),
        run("cf-restart-10", "--restart", "on-failure:10").expect("cis.5.15", fail("on-failure")),
        run("cf-restart-3", "--restart", "on-failure:3").expect("cis.5.15", PASS),
        create("cf-restart-unbounded", "--restart", "on-failure")
            .expect("cis.5.15", fail("on-failure")),
        create("cf-restart-unless-stopped", "--restart", "unless-stopped")
            .expect("cis.5.15", fail("unless-stopped")),
        // fails as the baseline does, but for its own option: see the message checked below
        run("cf-nnp-false", "--security-opt", "no-new-privileges:false").expect("cis.5.26", FAIL),
        run("cf-nnp-true", "--security-opt", "no-new-privileges=true").expect("cis.5.26", PASS),
        run("cf-telnetd")
            .command("busybox", "telnetd", "-F", "-p", "2323")
            .expect("remote.daemon-in-container", fail("telnetd")),
        run("cf-bastion").command("telnetd", "-F", "-p", "2323"), // [[remote_access]] names it
        run("cf-volumes", "-v", VOLUME + ":/data", "-v", "/data2")
            .expect("backup.local-volume", failTimes(2)), // one named, one anonymous
        create("cf-devices", "--device", "/dev/null:/dev/xnull", "--cgroup-parent", "/x")
            .expect("cis.5.25", FAIL)
            .expect("cis.5.18", INFO),
        run("cf-limits", "--memory", "64m", "--pids-limit", "100", "--cpu-quota", "50000")
            .with("--ulimit", "nofile=1024:2048")
            .expect(PASS, "cis.5.11", "cis.5.12", "cis.5.29", "cis.5.19"),
        run("cf-oom-killed", "--memory", "8m", "--memory-swap", "8m")
            .command("sh", "-c", "x=a; while :; do x=$x$x; done") // one process: the one killed
            .expect("monitoring.oom-killed", FAIL)
            .expect("cis.5.11", PASS)
            .expect("remote.daemon-in-container", INFO), // no longer running
        run("cf-healthcheck", "--health-cmd", "true", "--health-interval", "1s")
            .expect(PASS, "monitoring.no-healthcheck", "monitoring.unhealthy"),
        run("cf-unhealthy", "--health-cmd", "false", "--health-interval", "1s")
            .with("--health-retries", "1")
            .expect("monitoring.no-healthcheck", PASS)
            .expect("monitoring.unhealthy", FAIL),
        run("cf-read-only", "--read-only").expect("immutable.rootfs-writable", PASS),
        run("cf-user", "--user", "1000:1000").expect("cis.4.1", PASS),
        run("cf-exec-root").expect("remote.exec", fail("root")), // docker exec -u 0
        run("cf-exec-user").expect("remote.exec", fail("user")), // docker exec -u 1000
        run("cf-exec-privileged").expect("remote.exec", fail("privileged")), // --privileged
        run("cf-exec-root-healthy", "--health-cmd", "true", "--health-interval", "1s")
            .with("--user", "1000:1000") // docker exec -u root: not taken for a probe
            .expect("remote.exec", fail("root"))
            .expect(PASS, "monitoring.no-healthcheck", "monitoring.unhealthy", "cis.4.1"),
        run("cf-hardened", PROD_LABELS)
            .with(s.logs())
            .with("--memory", "64m", "--pids-limit", "100", "--cpus", "0.5")
            .with("--read-only", "--security-opt", "no-new-privileges", "--user", "1000:1000")
            .with("--restart", "on-failure:3", "--health-cmd", "true", "--health-interval", "1s")
            .with("--network", NETWORK, "-p", "127.0.0.1:" + s.allowedToo() + ":8443")
            .with("--ulimit", "nofile=1024:2048")
            .image(s.imageId()) // an image id pins the content as a digest does
            .expect(PASS, "tenancy.unlabelled", "tenancy.mixed", "logging.driver")
            .expect(PASS, "logging.address", "monitoring.no-healthcheck", "monitoring.unhealthy")
            .expect(PASS, "immutable.rootfs-writable", "immutable.image-unpinned")
            .expect(PASS, "network.default-bridge", "cis.4.1", "cis.5.26", "cis.5.11")
            .expect(PASS, "cis.5.12", "cis.5.19", "cis.5.29"),
        run("cf-other-tenant", "--label", "env=dev", "--label", "sys=shop", "--label", "cust=acme")
            .expect("tenancy.mixed", fail("dev/shop/acme"))
            .expect("tenancy.unlabelled", PASS),
        create("cf-compose", "--label", "env=prod", "--label", "cust=acme")
            .with("--label", "com.docker.compose.project=shop") // stands in for the system
            .expect(PASS, "tenancy.mixed", "tenancy.unlabelled"));
  }

  /**
   * What the table is written for: host ports (free ones, and a free one below 1024), the image's
   * id, the engine's socket, a host folder, and the log options of a compliant container.
   */
  private record Setting(
      int allowed,
      int allowedToo,
      int wildcard,
      int privileged,
      int empty,
      int loopback6,
      int any4,
      int any6,
      String imageId,
      Path socket,
      Path dir,
      String[] logs,
      int portsOfP) {

    /** The setting once the engine has picked the host ports of {@code -P}. */
    Setting withPortsOfP(int count) {
      return new Setting(
          allowed,
          allowedToo,
          wildcard,
          privileged,
          empty,
          loopback6,
          any4,
          any6,
          imageId,
          socket,
          dir,
          logs,
          count);
    }
  }
}
