package io.dockwatch.metrics;

import io.dockwatch.config.MetricsConfig;
import io.dockwatch.config.TenancyConfig.Tenant;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.host.CgroupReader;
import io.dockwatch.host.HostFiles;
import io.dockwatch.host.HostReader;
import io.dockwatch.host.LibcStatFs;
import io.dockwatch.host.LibcTimex;
import io.dockwatch.host.StatFs;
import io.dockwatch.host.Timex;
import io.dockwatch.http.MetricsSource;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code /metrics} serves: host metrics with node_exporter's names, container metrics
 * with cAdvisor's, container lifecycle and inventory, findings, and the agent's own meters.
 *
 * <p>Host and container metrics are sampled on their own schedules, each on a daemon thread of its
 * own (a hung mount stalls host metrics only), and rendered there; a scrape copies the last
 * renderings, adds the few families computed on the spot, and never reads a file or calls the
 * engine. The containers' writable layers are walked on a slower schedule and thread of their own,
 * and the container rounds serve the sizes last found.
 *
 * <p>Container series follow the inventory: they are as fresh as its snapshots, so the inventory
 * should inspect a container again on its {@code health_status}, {@code rename}, {@code update} and
 * lifecycle events.
 *
 * <p>Wiring, in the agent's {@code run} command:
 *
 * <pre>{@code
 * AgentMetrics agentMetrics = new AgentMetrics(version, io.micrometer.core.instrument.Clock.SYSTEM);
 * // hand agentMetrics to the event watcher, the ledger and the sinks, then:
 * MetricsService metrics = new MetricsService(
 *     config.metrics(), config.tenancy().labels(), config.agent().hostRoot(),
 *     inventory::snapshots,   // thread-safe, immutable view of the containers
 *     ledger::findingGauges,  // thread-safe, immutable list published by the event loop
 *     new EngineAccess(statsConnector, watcherListener::engineVersion),
 *     new AgentBuild(version, revision), agentMetrics, Clock.systemUTC());
 * metrics.start();
 * httpServer.serve(metrics.source(), health);
 * // on shutdown, or before building a new one on reload:
 * metrics.close();
 * }</pre>
 *
 * A reload that changes the metrics or tenancy configuration closes this service and starts a new
 * one with the same {@link AgentMetrics}, so that the agent's counters carry on.
 */
public final class MetricsService implements AutoCloseable {
  static final String HOST_COLLECTOR = "host";

  /** How long a recurring collection problem stays out of the log after it was logged. */
  private static final Duration LOG_QUIET = Duration.ofMinutes(10);

  /** Calls to the engine's stats endpoint under way at once; each waits for its collection tick. */
  private static final int ENGINE_CALLS = 4;

  /** The longest a container round waits for the engine's stats calls. */
  private static final Duration ENGINE_ROUND_BUDGET = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(MetricsService.class);

  private final MetricsConfig config;

  /** What is computed at scrape time; the sampled collectors bring their own renderings. */
  private final PrometheusRegistry registry = new PrometheusRegistry();

  private final SampledCollector host;
  private final SampledCollector containers;
  private final EngineUsage engineUsage;
  private final WritableLayers layers;
  private final ScheduledExecutorService schedule;
  private final MetricsSource source;

  /**
   * @param hostRoot where the host's {@code /} is seen from this process ({@code /} unless the
   *     agent runs in a container with the host mounted elsewhere)
   * @param containers the inventory's containers; called on a collector thread
   * @param findings the ledger's findings; called on the scrape thread
   * @param engine the stats endpoint, for containers whose cgroup files cannot be read, and the
   *     engine's version; the version is read on the scrape thread
   * @param build the agent's version and revision, which {@code cadvisor_version_info} reports in
   *     cAdvisor's place
   * @param clock wall time for {@code node_time_seconds} and {@code container_last_seen}
   */
  public MetricsService(
      MetricsConfig config,
      Tenant tenancy,
      Path hostRoot,
      Supplier<Collection<ContainerSnapshot>> containers,
      Supplier<List<FindingGauge>> findings,
      EngineAccess engine,
      AgentBuild build,
      AgentMetrics agentMetrics,
      Clock clock) {
    this(
        config,
        tenancy,
        hostRoot,
        containers,
        findings,
        engine,
        build,
        agentMetrics,
        clock,
        new LibcStatFs(),
        new LibcTimex());
  }

  MetricsService(
      MetricsConfig config,
      Tenant tenancy,
      Path hostRoot,
      Supplier<Collection<ContainerSnapshot>> containers,
      Supplier<List<FindingGauge>> findings,
      EngineAccess engine,
      AgentBuild build,
      AgentMetrics agentMetrics,
      Clock clock,
      StatFs statFs,
      Timex timex) {
    this.config = config;
    LogThrottle throttle = new LogThrottle(clock, LOG_QUIET);
    Renderer renderer = new Renderer();
    // Each collector thread reads through host files of its own, which reuse one buffer.
    HostReader reader = new HostReader(new HostFiles(hostRoot));
    HostReader containerReader = new HostReader(new HostFiles(hostRoot));
    this.engineUsage =
        new EngineUsage(
            engine.stats(),
            ENGINE_CALLS,
            min(ENGINE_ROUND_BUDGET, config.containerInterval().dividedBy(2)),
            agentMetrics,
            throttle);
    this.layers =
        new WritableLayers(
            containers,
            new HostReader(new HostFiles(hostRoot)),
            statFs,
            config.containerFsMaxFiles(),
            agentMetrics,
            throttle);
    this.host =
        new SampledCollector(
            HOST_COLLECTOR,
            new HostSampler(
                List.of(
                    new CpuMetrics(reader),
                    new MemoryMetrics(reader),
                    new FileSystemMetrics(reader, statFs),
                    new DiskMetrics(reader),
                    new NetworkMetrics(reader),
                    new SystemMetrics(reader),
                    new TimexMetrics(timex),
                    new TextfileMetrics(
                        config.textfileDirectory(), MetricsService::exportedElsewhere, throttle)),
                agentMetrics.nanoTicker(),
                agentMetrics,
                throttle),
            renderer,
            agentMetrics,
            throttle);
    this.containers =
        new SampledCollector(
            ContainerSampler.COLLECTOR,
            new ContainerSampler(
                containers,
                new ContainerLabels(tenancy, config.containerLabels()),
                new CgroupReader(containerReader.files()),
                containerReader,
                engineUsage,
                layers::last,
                agentMetrics,
                throttle,
                clock),
            renderer,
            agentMetrics,
            throttle);
    // read once, here, before the host collector's thread uses the same reader
    registry.register(VersionInfo.read(reader, build, engine.version()));
    registry.register(new ClockCollector(clock));
    PrometheusRegistry own = agentMetrics.prometheusRegistry();
    registry.register((MultiCollector) own::scrape);
    this.source =
        new PrometheusExposition(
            renderer,
            List.of(host, this.containers, new FindingMetrics(findings, renderer)),
            registry);
    AtomicInteger threads = new AtomicInteger();
    this.schedule =
        Executors.newScheduledThreadPool(
            3,
            task -> {
              Thread t = new Thread(task, "dockwatch-metrics-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** What {@code GET /metrics} serves. */
  public MetricsSource source() {
    return source;
  }

  /** Takes the first samples now and then one per configured interval. */
  public void start() {
    every(host::sampleNow, config.hostInterval());
    every(containers::sampleNow, config.containerInterval());
    every(layers::walkNow, config.containerFsInterval());
    log.info(
        "Metrics collection started, host_interval={} container_interval={}"
            + " container_fs_interval={}",
        config.hostInterval(),
        config.containerInterval(),
        config.containerFsInterval());
  }

  /** Takes one sample of each collector on the calling thread; for a first scrape that is full. */
  void sampleNow() {
    layers.walkNow();
    host.sampleNow();
    containers.sampleNow();
  }

  @Override
  public void close() {
    schedule.shutdownNow();
    engineUsage.close();
    log.info("Metrics collection stopped");
  }

  /**
   * Whether a family of this name is served outside the host sample: the container metrics in
   * cAdvisor's namespaces, the agent's own families, and the clock read at scrape time.
   */
  private static boolean exportedElsewhere(String name) {
    return name.startsWith("container_")
        || name.startsWith("machine_")
        || name.startsWith("dockwatch_")
        || name.equals(ClockCollector.TIME.name());
  }

  /**
   * Runs {@code round} on the schedule for good: a scheduled task that throws anything is never run
   * again, so even an error (a heap too small for a round, say) is logged and the next round runs.
   */
  private void every(Runnable round, Duration interval) {
    Runnable guarded =
        () -> {
          try {
            round.run();
          } catch (Throwable t) { // the schedule must outlive any single round
            log.error("A metrics collection round failed; the next one runs on schedule", t);
          }
        };
    schedule.scheduleWithFixedDelay(guarded, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
