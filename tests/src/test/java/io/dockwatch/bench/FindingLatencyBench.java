package io.dockwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.ForwardEntry;
import io.dockwatch.e2e.support.ForwardReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long after {@code docker run -d} returns an offending container's {@code open} finding
 * reaches the forward peer, over 20 containers, and the agent's resident memory with 50 containers.
 * A benchmark, not a test: it prints a table and runs only with {@code bench/latency.sh} (JUnit tag
 * "bench", left out of the normal build).
 */
@Tag("bench")
@ExtendWith(E2eExtension.class)
class FindingLatencyBench {
  private static final int RUNS = 20;
  private static final int CONTAINERS_FOR_MEMORY = 50;

  @Test
  void runToFinding(Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    int http = AgentConfigs.freePort();
    agents.writeConfig(
        AgentConfigs.standard(engine, receiver, agents, http, AgentConfigs.freePort()));
    AgentProcess agent =
        agents.start("run", "--config", agents.workDir().resolve("dockwatch.toml").toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));
    List<Double> millis = new ArrayList<>();

    for (int i = 0; i < RUNS; i++) {
      String name = "bench-latency-" + i;
      engine.run("--name", name, "--log-driver", "json-file", "local/busybox:1", "sleep", "600");
      long returned = System.nanoTime();
      Predicate<ForwardEntry> mine =
          e ->
              name.equals(e.field("container_name"))
                  && "logging.driver".equals(e.field("rule"))
                  && "open".equals(e.field("state"));
      receiver.awaitEntry(mine);
      millis.add(Math.max(0, receiver.arrivalNanos(mine) - returned) / 1e6);
    }
    for (int i = RUNS; i < CONTAINERS_FOR_MEMORY; i++) {
      engine.run("--name", "bench-latency-" + i, "local/busybox:1", "sleep", "600");
    }
    agent.awaitStdout(line -> line.contains("bench-latency-" + (CONTAINERS_FOR_MEMORY - 1)));
    long rssKib = agent.residentKib();
    long scrapeStart = System.nanoTime();
    int scrapes = 20;
    for (int i = 0; i < scrapes; i++) {
      assertThat(agent.get(http, "/metrics").status()).isEqualTo(200);
    }
    double scrapeMs = (System.nanoTime() - scrapeStart) / 1e6 / scrapes;

    List<Double> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    System.out.printf(
        "%n| measure | value |%n|---|---|%n"
            + "| docker run returned -> open finding at the forward peer, median of %d | %.1f ms |%n"
            + "| same, worst of %d | %.1f ms |%n"
            + "| resident memory with %d containers | %.1f MiB |%n"
            + "| one /metrics scrape with %d containers, mean of %d | %.1f ms |%n",
        RUNS,
        sorted.get(RUNS / 2),
        RUNS,
        sorted.get(RUNS - 1),
        CONTAINERS_FOR_MEMORY,
        rssKib / 1024.0,
        CONTAINERS_FOR_MEMORY,
        scrapes,
        scrapeMs);
    assertThat(sorted.get(RUNS - 1)).isLessThan(Duration.ofSeconds(2).toMillis());
  }
}
