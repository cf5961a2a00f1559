package io.dockwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dockwatch.e2e.support.AgentConfigs;
import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.E2eExtension;
import io.dockwatch.e2e.support.Engine;
import io.dockwatch.e2e.support.EngineEvents;
import io.dockwatch.e2e.support.Exposition;
import io.dockwatch.e2e.support.ForwardEntry;
import io.dockwatch.e2e.support.ForwardReceiver;
import io.dockwatch.e2e.support.Offenders;
import io.dockwatch.e2e.support.ResidentPeak;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three hundred containers created as fast as the engine takes them: the agent receives every event
 * the engine sent, evaluates every container, reports every offender, and its resident memory stays
 * within a bound meanwhile.
 */
@ExtendWith(E2eExtension.class)
class BurstFaultsEndToEndTest {
  private static final int CONTAINERS = 300;
  private static final int CREATORS = 8;

  /** Every sixth container is compliant with the tenancy rule; the rest offend. */
  private static final int COMPLIANT_EVERY = 6;

  /** The agent runs with the unit's 64 MiB heap; code, threads and buffers come on top. */
  private static final long RSS_BOUND_KIB = 256 * 1024;

  private static final Duration SETTLE = Duration.ofSeconds(90);
  private static final String CONTAINER_EVENTS =
      "dockwatch_events_received_total{type=\"container\"}";

  @Test
  void burst_300CreatedAtOnce_everyEventCountedEveryOffenderReportedMemoryBounded(
      Engine engine, ForwardReceiver receiver, AgentLauncher agents) throws Exception {
    int http = AgentConfigs.freePort();
    agents.writeConfig(AgentConfigs.standard(engine, receiver, agents, http));
    AgentProcess agent =
        agents.start("run", "--config", agents.workDir().resolve("dockwatch.toml").toString());
    agent.awaitStderr(line -> line.contains("connected to engine"));
    receiver.awaitEntry(e -> "host".equals(e.field("subject")));
    List<String> names =
        IntStream.range(0, CONTAINERS).mapToObj(i -> String.format("e2e-burst-%03d", i)).toList();
    Set<String> offenders =
        IntStream.range(0, CONTAINERS)
            .filter(i -> i % COMPLIANT_EVERY != 0)
            .mapToObj(names::get)
            .collect(Collectors.toCollection(TreeSet::new));
    Instant since = Instant.now();
    double eventsBefore = containerEvents(agent, http);
    long baselineKib = agent.residentKib();

    Duration creating;
    List<String> engineEvents;
    long peakKib;
    long samples;
    Instant reported;
    try (EngineEvents watch = EngineEvents.follow(engine, since);
        ResidentPeak peak = ResidentPeak.watch(agent, Duration.ofMillis(50))) {
      creating = createAll(engine, receiver, names, offenders);
      awaitEvaluated(receiver, names, offenders);
      reported = Instant.now();
      await("the engine's events at a second client")
          .atMost(SETTLE)
          .until(() -> watch.actions().stream().filter("create"::equals).count() >= CONTAINERS);
      engineEvents = watch.actions();
      peakKib = peak.peakKib();
      samples = peak.samples();
    }
    double eventsAfter = containerEvents(agent, http);

    List<ForwardEntry> received = receiver.entries();
    System.out.printf(
        "[measure] burst of %d (%d offending): created in %d ms, all reported %d ms after the"
            + " first create; engine sent %d container events, agent counted %.0f;"
            + " RSS %d KiB before, peak %d KiB over %d samples%n",
        CONTAINERS,
        offenders.size(),
        creating.toMillis(),
        Duration.between(since, reported).toMillis(),
        engineEvents.size(),
        eventsAfter - eventsBefore,
        baselineKib,
        peakKib,
        samples);
    assertThat(engineEvents.stream().filter("create"::equals)).hasSize(CONTAINERS);
    assertThat(eventsAfter - eventsBefore).isEqualTo(engineEvents.size());
    assertThat(namesWith(received, Offenders.RULE)).isEqualTo(offenders);
    assertThat(namesWith(received, null)).containsAll(names);
    assertThat(peakKib).isPositive().isLessThan(RSS_BOUND_KIB);
    assertThat(agent.stderr()).noneMatch(line -> line.contains("dropping"));
    assertThat(agent.isAlive()).isTrue();
  }

  /** Creates every container from {@link #CREATORS} threads at once; how long that took. */
  private static Duration createAll(
      Engine engine, ForwardReceiver receiver, List<String> names, Set<String> offenders)
      throws Exception {
    long began = System.nanoTime();
    ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
    try {
      List<Future<String>> created = new ArrayList<>();
      for (String name : names) {
        created.add(
            creators.submit(
                () ->
                    offenders.contains(name)
                        ? Offenders.create(engine, name)
                        : createCompliant(engine, receiver, name)));
      }
      for (Future<String> id : created) {
        assertThat(id.get()).matches("[0-9a-f]{64}");
      }
    } finally {
      creators.shutdownNow();
      creators.awaitTermination(30, TimeUnit.SECONDS);
    }
    return Duration.ofNanos(System.nanoTime() - began);
  }

  private static String createCompliant(Engine engine, ForwardReceiver receiver, String name) {
    String[] argv =
        Stream.of(
                new String[] {"create", "--label", Engine.TEST_LABEL, "--name", name},
                AgentConfigs.PROD_LABELS,
                AgentConfigs.fluentdLogging(receiver),
                new String[] {Engine.IMAGE, "sleep", "300"})
            .flatMap(Stream::of)
            .toArray(String[]::new);
    return engine.docker(argv);
  }

  /** Waits until every offender has its finding and every container some finding. */
  private static void awaitEvaluated(
      ForwardReceiver receiver, List<String> names, Set<String> offenders) {
    await("every offender reported and every container evaluated")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              List<ForwardEntry> now = receiver.entries();
              return namesWith(now, Offenders.RULE).containsAll(offenders)
                  && namesWith(now, null).containsAll(names);
            });
  }

  /** The containers with an open finding of {@code rule}, or of any rule when it is null. */
  private static Set<String> namesWith(List<ForwardEntry> entries, String rule) {
    return entries.stream()
        .filter(e -> "open".equals(e.field("state")))
        .filter(e -> rule == null || rule.equals(e.field("rule")))
        .map(e -> e.field("container_name"))
        .filter(name -> name.startsWith("e2e-burst-"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static double containerEvents(AgentProcess agent, int http) {
    String body = agent.awaitGet(http, "/metrics", r -> r.status() == 200).body();
    return Exposition.value(body, CONTAINER_EVENTS).orElse(0);
  }
}
