package io.dockwatch.e2e;

import static io.dockwatch.e2e.support.AgentConfigs.PROD_LABELS;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.ForwardEntry;
import io.dockwatch.e2e.support.ForwardReceiver;
import io.dockwatch.e2e.support.HttpReply;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The main path, on real parts: the built agent watches a real engine, and containers that break
 * each rule of the first set produce {@code open} records at a real forward-protocol peer, and
 * {@code resolved} ones when they go; a compliant container produces none.
 */
@ExtendWith(E2eExtension.class)
class FindingsEndToEndTest {
  private static final String TAG = "dockwatch.finding";

  private static final String[] SLEEP = {"local/busybox:1", "sleep", "300"};

  /** {@code docker run -d --name NAME} with the given groups of arguments, image last. */
  private static void run(Engine engine, String name, String[]... groups) {
    String[] argv =
        Stream.concat(
                Stream.of("--name", name),
                Stream.concat(Stream.of(groups).flatMap(Stream::of), Stream.of(SLEEP)))
            .toArray(String[]::new);
    engine.run(argv);
  }

  private static String[] a(String... args) {
    return args;
  }

  /** The rules of the main path; the conformance suite covers the rest of the catalogue. */
  private static final Set<String> RULES =
      Set.of(
          "tenancy.mixed",
          "tenancy.unlabelled",
          "logging.driver",
          "logging.address",
          "network.publish-all",
          "network.port-not-allowed",
          "network.bind-all-interfaces",
          "network.host-mode");

  private static boolean inScope(ForwardEntry e, String state) {
    return TAG.equals(e.tag()) && state.equals(e.field("state")) && RULES.contains(e.field("rule"));
  }

  private static Set<String> pairs(List<ForwardEntry> entries, String state) {
    Set<String> out = new TreeSet<>();
    for (ForwardEntry e : entries) {
      if (inScope(e, state)) {
        out.add(e.field("rule") + " " + e.field("container_name"));
      }
    }
    return out;
  }

  @Test
  void offendersOpenAndResolve_compliantContainerStaysQuiet(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    int http = AgentConfigs.freePort();
    int allowed = AgentConfigs.freePort();
    int allowedToo = AgentConfigs.freePort();
    agents.writeConfig(AgentConfigs.standard(engine, receiver, agents, http, allowed, allowedToo));
    AgentProcess agent =
        agents.start("run", "--config", agents.workDir().resolve("dockwatch.toml").toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));
    String[] logs = AgentConfigs.fluentdLogging(receiver);
    String[] prod = PROD_LABELS;

    run(engine, "e2e-good", logs, prod, a("-p", "127.0.0.1:" + allowed + ":443"));
    run(
        engine,
        "e2e-mixed",
        logs,
        a("--label", "env=dev", "--label", "sys=shop", "--label", "cust=acme"));
    run(engine, "e2e-unlabelled", logs, a("--label", "env=prod"));
    run(engine, "e2e-jsonfile", a("--log-driver", "json-file"), prod);
    run(
        engine,
        "e2e-wrongproxy",
        a("--log-driver", "fluentd", "--log-opt", "fluentd-address=127.0.0.1:1"),
        a("--log-opt", "fluentd-async=true"),
        prod);
    run(engine, "e2e-publishall", logs, prod, a("-P", "--expose", "80"));
    run(engine, "e2e-wildcard", logs, prod, a("-p", allowedToo + ":443"));
    run(engine, "e2e-hostnet", logs, prod, a("--network", "host"));
    List<String> names =
        List.of(
            "e2e-good",
            "e2e-mixed",
            "e2e-unlabelled",
            "e2e-jsonfile",
            "e2e-wrongproxy",
            "e2e-publishall",
            "e2e-wildcard",
            "e2e-hostnet");

    Set<String> expected =
        new TreeSet<>(
            List.of(
                "tenancy.mixed e2e-mixed",
                "tenancy.unlabelled e2e-unlabelled",
                "logging.driver e2e-jsonfile",
                "logging.address e2e-wrongproxy",
                "network.publish-all e2e-publishall",
                "network.port-not-allowed e2e-publishall",
                "network.bind-all-interfaces e2e-publishall",
                "network.bind-all-interfaces e2e-wildcard",
                "network.host-mode e2e-hostnet"));
    List<ForwardEntry> opened = receiver.awaitEntries(e -> inScope(e, "open"), expected.size());
    assertThat(pairs(opened, "open")).isEqualTo(expected);
    HttpReply metrics =
        agent.awaitGet(
            http,
            "/metrics",
            r ->
                r.body().contains("container_cpu_usage_seconds_total{")
                    && r.body().contains("e2e-good"));
    assertThat(metrics.body())
        .contains("node_cpu_seconds_total{cpu=\"0\",mode=\"user\"}")
        .containsPattern(
            "dockwatch_container_finding\\{[^}]*name=\"e2e-mixed\"[^}]*rule=\"tenancy.mixed\"")
        .contains("dockwatch_engine_connected 1");
    assertThat(agent.get(http, "/healthz").status()).isEqualTo(200);

    engine.docker(Stream.concat(Stream.of("rm", "-f"), names.stream()).toArray(String[]::new));

    List<ForwardEntry> all = receiver.awaitEntries(e -> inScope(e, "resolved"), expected.size());
    assertThat(pairs(all, "resolved")).isEqualTo(expected);
    assertThat(pairs(receiver.entries(), "open")).isEqualTo(expected);
    assertThat(agent.stdout()).anyMatch(line -> line.contains("\"rule\":\"tenancy.mixed\""));
  }
}
