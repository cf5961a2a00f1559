package io.dockwatch.metrics;

import static io.dockwatch.metrics.TestContainer.container;
import static io.dockwatch.metrics.TestContainer.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.config.MetricsConfig;
import io.dockwatch.config.TenancyConfig.Tenant;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.host.StatFs;
import io.dockwatch.host.Timex;
import io.dockwatch.testing.FakeEngine;
import io.micrometer.core.instrument.MockClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code /metrics} text for fixed host and cgroup trees, compared with golden texts. On a
 * mismatch the text produced is left in {@code target/golden-actual} for review.
 */
class MetricsGoldenTest {
  static final String WEB = "5d2c1f3e8b7a4c6d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";
  static final String BATCH = "7e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d";
  static final String OLD = "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d";
  static final String API = "3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d";
  static final String WORKER = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b";
  static final String HOSTNET = "1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c";
  static final String FRESH = "2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6f7e8d9c0b1a2f3e";
  static final String CACHE = "8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d";

  /** The writable layer of {@link #WEB} in the v1 tree, which holds 4,133 bytes in three files. */
  static final String WEB_LAYER = "/var/lib/docker/overlay2/0a1b2c/diff";

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Tenant TENANCY = new Tenant("environment", "system", "customer");
  static final MetricsConfig CONFIG =
      new MetricsConfig(
          Duration.ofSeconds(5),
          Duration.ofSeconds(5),
          List.of("com.example.team", "com.docker.compose.project"));
  static final Function<Path, MetricsConfig> CONFIG_WITH_TEXTFILES =
      dir ->
          new MetricsConfig(
              CONFIG.hostInterval(),
              CONFIG.containerInterval(),
              CONFIG.containerFsInterval(),
              CONFIG.containerFsMaxFiles(),
              CONFIG.containerLabels(),
              Optional.of(dir));
  static final String TEXTFILE_DIR = "/var/lib/dockwatch/textfile";

  /**
   * The v1 host also has a synchronized clock and a textfile directory with one good file and one
   * that declares a family of the agent's own; the directory's path in the text is replaced by
   * {@value #TEXTFILE_DIR}.
   */
  @Test
  void exposition_cgroupV1CgroupfsTree_matchesGoldenText(@TempDir Path textfiles) {
    Path root = Fixtures.tree("v1-cgroupfs");
    Fixtures.textfiles(textfiles, NOW);
    StatFs statFs =
        new FakeStatFs(root)
            .with(
                "/",
                new StatFs.Usage(270553174016.0, 246844219392.0, 85235339264.0, 16777216, 16368547))
            .with(
                "/run",
                new StatFs.Usage(5055242240.0, 5054177280.0, 5054177280.0, 3085474, 3084710))
            .with("/srv/backup copies", new StatFs.Usage(1e12, 4e11, 4e11, 5e8, 4.9e8))
            .with("/mnt/nfs", new StatFs.Failure("stale file handle"))
            .with(
                WEB_LAYER,
                new StatFs.Usage(
                    270553174016.0, 246844219392.0, 85235339264.0, 16777216, 16368547));
    List<ContainerSnapshot> containers =
        List.of(
            container(WEB, "web")
                .running(31337)
                .image("registry.example/shop/web:2.4")
                .labels(
                    Map.of(
                        "environment", "prod",
                        "system", "shop",
                        "customer", "acme",
                        "com.example.team", "payments",
                        "com.docker.compose.project", "shop",
                        "com.example.token", "not-copied"))
                .resources(resources(134217728, 512, 1_500_000_000, 0, 0))
                .health("healthy")
                .restarts(2)
                .upperDir(WEB_LAYER)
                .build(),
            container(BATCH, "batch")
                .running(4242)
                .cgroupParent("/tenant-a")
                .labels(Map.of("environment", "staging"))
                .resources(resources(0, 0, 0, 50000, 200000))
                .build(),
            container(OLD, "old").exited(137, true).build(),
            // its cgroup is not in the tree: its usage comes from the engine's stats endpoint
            container(CACHE, "cache").running(5151).build());
    List<FindingGauge> findings =
        List.of(
            new FindingGauge("NET-3", "high", "open", WEB, "web"),
            new FindingGauge("NET-3", "high", "open", WEB, "web"),
            new FindingGauge("LOG-1", "low", "waived", WEB, "web"),
            new FindingGauge("HOST-2", "medium", "open", "", ""));

    FakeEngine engine = new FakeEngine();
    engine.stats().answer(CACHE, Fixtures.stats("v1-running"));

    String text =
        scrape(
            CONFIG_WITH_TEXTFILES.apply(textfiles),
            root,
            statFs,
            new FakeTimex(FakeTimex.SYNCHRONIZED),
            containers,
            findings,
            null,
            engine,
            "20.10.24+dfsg1");

    assertGolden("metrics-v1-cgroupfs.txt", text.replace(textfiles.toString(), TEXTFILE_DIR));
  }

  @Test
  void exposition_cgroupV2SystemdTree_matchesGoldenText() {
    Path root = Fixtures.tree("v2-systemd");
    List<ContainerSnapshot> containers =
        List.of(
            container(API, "api").running(2001).health("starting").build(),
            container(WORKER, "worker")
                .running(2002)
                .cgroupParent("tenant-a.slice")
                .labels(Map.of("system", "billing", "customer", "acme"))
                .health("unhealthy")
                .build(),
            container(HOSTNET, "edge").running(2003).networkMode("host").build(),
            container(FRESH, "fresh").created().build());

    String text = scrape(root, new FakeStatFs(root), containers, List.of(), null);

    assertGolden("metrics-v2-systemd.txt", text);
  }

  @Test
  void exposition_openMetricsAsked_writesOpenMetricsText() {
    Path root = Fixtures.tree("v2-systemd");
    List<ContainerSnapshot> containers =
        List.of(container(API, "api").running(2001).health("starting").build());

    String text =
        scrape(
            root,
            new FakeStatFs(root),
            containers,
            List.of(),
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

    assertGolden("metrics-v2-systemd.openmetrics.txt", text);
  }

  /**
   * The v2 host: its clock's state cannot be read, no textfile directory is configured, and the
   * engine has not answered yet (no engine version, no stats).
   */
  private static String scrape(
      Path root,
      StatFs statFs,
      List<ContainerSnapshot> containers,
      List<FindingGauge> findings,
      String accept) {
    return scrape(
        CONFIG,
        root,
        statFs,
        new FakeTimex(new Timex.Failure("operation not permitted")),
        containers,
        findings,
        accept,
        new FakeEngine(),
        "");
  }

  private static String scrape(
      MetricsConfig config,
      Path root,
      StatFs statFs,
      Timex timex,
      List<ContainerSnapshot> containers,
      List<FindingGauge> findings,
      String accept,
      FakeEngine engine,
      String engineVersion) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MetricsService service =
        new MetricsService(
            config,
            TENANCY,
            root,
            () -> containers,
            () -> findings,
            new EngineAccess(engine::connect, () -> engineVersion),
            new AgentBuild("1.2.3", engineVersion.isEmpty() ? "" : "4d6e0a1"),
            new AgentMetrics("1.2.3", new MockClock()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            statFs,
            timex)) {
      service.sampleNow();
      service.source().write(accept, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exposition_sampledAndLiveParts_holdEachFamilyOnce() {
    Path root = Fixtures.tree("v2-systemd");

    String text =
        scrape(
            root,
            new FakeStatFs(root),
            List.of(container(API, "api").running(2001).build()),
            List.of(new FindingGauge("NET-3", "high", "open", API, "api")),
            null);

    List<String> families = text.lines().filter(l -> l.startsWith("# TYPE ")).toList();
    assertThat(families).doesNotHaveDuplicates().hasSizeGreaterThan(30);
  }

  static void assertGolden(String name, String actual) {
    String expected = Fixtures.golden(name);
    if (!expected.equals(actual)) {
      try {
        Path dir = Files.createDirectories(Path.of("target", "golden-actual"));
        Files.writeString(dir.resolve(name), actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(actual).isEqualTo(expected);
  }
}
