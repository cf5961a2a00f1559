package io.dockwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.CpuRate;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.ForwardReceiver;
import io.dockwatch.e2e.support.HttpReply;
import io.dockwatch.e2e.support.SeriesLines;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container metrics as a scraper sees them, on real parts: the built agent collects every
 * second from a real engine's containers, and the tests read {@code /metrics} over HTTP.
 */
@ExtendWith(E2eExtension.class)
class ContainerMetricsEndToEndTest {
  private static final String USAGE = "container_memory_usage_bytes";
  private static final String WORKING_SET = "container_memory_working_set_bytes";
  private static final String IMAGE = Engine.IMAGE;
  private static final double MIB = 1024 * 1024;
  private static final String SPINNER = "dwm-spin";
  // A sample reaches /metrics at the end of its round, and rounds differ in length (task states
  // are counted every fourth one); on a loaded machine a 3 s window once read 0.66 of the
  // kernel's rate, so the window is long enough for a round's jitter to stay small beside it.
  private static final Duration RATE_WINDOW = Duration.ofSeconds(8);

  private static OptionalDouble value(HttpReply reply, String metric, String name) {
    return SeriesLines.value(reply.body(), metric, "name", name);
  }

  @Test
  void cpuUsage_containerSpinsOnOneCpu_risesAtAboutOneCore(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    int http = AgentConfigs.freePort();
    AgentProcess agent = agents.startCollectingEverySecond(engine, receiver, http);
    engine.run("--name", SPINNER, IMAGE, "sh", "-c", "while :; do :; done");

    CpuRate.Cores cores = CpuRate.of(engine, agent, http, SPINNER).over(RATE_WINDOW);

    System.out.printf(
        "spinning container over %.2f s: %.3f cores scraped, %.3f cores by the kernel%n",
        cores.seconds(), cores.scraped(), cores.kernel());
    // One thread cannot use more than a core; a busy host gives it less, so the floor is what the
    // kernel counted for the same window.
    assertThat(cores.scraped())
        .isLessThanOrEqualTo(1.2)
        .isBetween(0.8 * cores.kernel(), 1.2 * cores.kernel());
  }

  @Test
  void workingSet_pageCacheAndSharedMemory_leavesOutOnlyInactiveFiles(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    int http = AgentConfigs.freePort();
    AgentProcess agent = agents.startCollectingEverySecond(engine, receiver, http);
    engine.run(
        "--name",
        "dwm-cache",
        IMAGE,
        "sh",
        "-c",
        "busybox dd if=/dev/zero of=/tmp/f bs=1M count=64 && sleep 600");
    engine.run(
        "--name",
        "dwm-shm",
        IMAGE,
        "sh",
        "-c",
        "busybox dd if=/dev/zero of=/dev/shm/f bs=1M count=32 && sleep 600");

    HttpReply reply =
        agent.awaitGet(
            http,
            "/metrics",
            r ->
                value(r, USAGE, "dwm-cache").orElse(0) >= 60 * MIB
                    && value(r, USAGE, "dwm-shm").orElse(0) >= 30 * MIB
                    && value(r, WORKING_SET, "dwm-cache").isPresent()
                    && value(r, WORKING_SET, "dwm-shm").isPresent());

    double cacheUsage = value(reply, USAGE, "dwm-cache").getAsDouble();
    double cacheWorkingSet = value(reply, WORKING_SET, "dwm-cache").getAsDouble();
    double shmUsage = value(reply, USAGE, "dwm-shm").getAsDouble();
    double shmWorkingSet = value(reply, WORKING_SET, "dwm-shm").getAsDouble();
    System.out.printf(
        "page cache: usage %.1f MiB, working set %.1f MiB; shm: usage %.1f MiB, working set %.1f"
            + " MiB%n",
        cacheUsage / MIB, cacheWorkingSet / MIB, shmUsage / MIB, shmWorkingSet / MIB);
    assertThat(cacheWorkingSet).isLessThanOrEqualTo(cacheUsage - 48 * MIB);
    assertThat(shmWorkingSet).isGreaterThanOrEqualTo(30 * MIB);
  }

  @Test
  void containerSeries_renamedThenRemoved_followTheNameThenVanish(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
    int http = AgentConfigs.freePort();
    AgentProcess agent = agents.startCollectingEverySecond(engine, receiver, http);
    String id = "/docker/" + engine.run("--name", "dwm-before", IMAGE, "sleep", "600").strip();
    agent.awaitGet(http, "/metrics", r -> value(r, USAGE, "dwm-before").isPresent());

    engine.docker("rename", "dwm-before", "dwm-after");
    HttpReply renamed =
        agent.awaitGet(http, "/metrics", r -> value(r, USAGE, "dwm-after").isPresent());

    List<String> usage = SeriesLines.of(renamed.body(), USAGE, "id", id);
    assertThat(usage).singleElement().asString().contains("name=\"dwm-after\"");
    assertThat(containerLines(renamed, id)).noneMatch(line -> line.contains("dwm-before"));

    engine.docker("rm", "-f", "dwm-after");
    long removed = System.nanoTime();
    agent.awaitGet(http, "/metrics", r -> containerLines(r, id).isEmpty());
    Duration gone = Duration.ofNanos(System.nanoTime() - removed);

    System.out.printf("series gone %d ms after docker rm -f%n", gone.toMillis());
    assertThat(gone).isLessThan(Duration.ofSeconds(5));
  }

  /** Every container_* sample line that carries the container id. */
  private static List<String> containerLines(HttpReply reply, String id) {
    String label = "id=\"" + id + "\"";
    return reply
        .body()
        .lines()
        .filter(line -> line.startsWith("container_") && line.contains(label))
        .toList();
  }

  @Test
  void metrics_scraperAsksForOpenMetrics_getsOpenMetricsEndingInEof(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) throws Exception {
    int http = AgentConfigs.freePort();
    AgentProcess agent = agents.startCollectingEverySecond(engine, receiver, http);
    engine.run("--name", "dwm-om", IMAGE, "sleep", "600");
    agent.awaitGet(http, "/metrics", r -> value(r, USAGE, "dwm-om").isPresent());

    HttpResponse<String> open = getWithAccept(http, "application/openmetrics-text; version=1.0.0");
    HttpReply plain = agent.get(http, "/metrics");

    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/openmetrics-text"));
    assertThat(open.body()).endsWith("\n# EOF\n").containsOnlyOnce("# EOF");
    assertThat(SeriesLines.of(open.body(), USAGE, "name", "dwm-om")).hasSize(1);
    assertThat(plain.contentType()).startsWith("text/plain");
    assertThat(plain.body()).doesNotContain("# EOF");
  }

  private static HttpResponse<String> getWithAccept(int port, String accept)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
