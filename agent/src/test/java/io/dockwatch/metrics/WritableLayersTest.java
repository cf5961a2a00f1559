package io.dockwatch.metrics;

import static io.dockwatch.metrics.TestContainer.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.host.HostFiles;
import io.dockwatch.host.HostReader;
import io.dockwatch.host.StatFs;
import io.dockwatch.metrics.ContainerFsMetrics.LayerUsage;
import io.dockwatch.testing.MutableClock;
import io.micrometer.core.instrument.MockClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableLayersTest {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);
  private static final StatFs.Usage DISK = new StatFs.Usage(5e11, 2e11, 1e11, 3e7, 2e7);

  @TempDir Path root;
  private final AtomicReference<List<ContainerSnapshot>> inventory =
      new AtomicReference<>(List.of());
  private final AgentMetrics agentMetrics = new AgentMetrics("test", new MockClock());
  private final LogThrottle throttle =
      new LogThrottle(new MutableClock(Instant.parse("2026-03-01T12:00:00Z")), Duration.ZERO);

  @BeforeEach
  void mounts() throws IOException {
    write("proc/1/mounts", "/dev/vda / ext4 rw 0 0\n/dev/vdb /var/lib/docker xfs rw 0 0\n", 0);
  }

  private WritableLayers layers(long maxEntries) {
    FakeStatFs statFs = new FakeStatFs(root).with(layer(A), DISK).with(layer(B), DISK);
    return new WritableLayers(
        inventory::get,
        new HostReader(new HostFiles(root)),
        statFs,
        maxEntries,
        agentMetrics,
        throttle);
  }

  private static String layer(String id) {
    return "/var/lib/docker/overlay2/" + id.substring(0, 6) + "/diff";
  }

  private void write(String path, String text, int bytes) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, text.isEmpty() ? new byte[bytes] : text.getBytes());
  }

  private void files(String id, int count, int bytes) throws IOException {
    for (int i = 0; i < count; i++) {
      write(layer(id).substring(1) + "/f" + i, "", bytes);
    }
  }

  private void running(String... ids) {
    inventory.set(
        List.of(ids).stream()
            .map(id -> container(id, id.substring(0, 3)).running(100).upperDir(layer(id)).build())
            .toList());
  }

  @Test
  void walkNow_runningContainer_findsItsBytesItsDeviceAndTheFileSystemSize() throws IOException {
    files(A, 3, 1000);
    running(A);
    WritableLayers layers = layers(1000);

    layers.walkNow();

    assertThat(layers.last(A))
        .contains(new LayerUsage("/dev/vdb", 3000, OptionalDouble.of(DISK.size())));
  }

  @Test
  void walkNow_roundRunsOutOfEntries_walksTheSkippedContainerFirstNextRound() throws IOException {
    files(A, 3, 1000);
    files(B, 4, 10);
    running(A, B);
    WritableLayers layers = layers(5);
    layers.walkNow();
    boolean bAfterFirst = layers.last(B).isPresent();
    files(A, 4, 1000);

    layers.walkNow();
    long aAfterSecond = layers.last(A).orElseThrow().usageBytes();
    layers.walkNow();

    assertThat(bAfterFirst).isFalse();
    assertThat(layers.last(B).orElseThrow().usageBytes()).isEqualTo(40);
    assertThat(aAfterSecond).isEqualTo(3000);
    assertThat(layers.last(A).orElseThrow().usageBytes()).isEqualTo(4000);
  }

  @Test
  void walkNow_layerWithMoreEntriesThanARound_isNeverMeasured() throws IOException {
    files(A, 6, 1);
    files(B, 2, 1);
    running(A, B);
    WritableLayers layers = layers(5);

    layers.walkNow();
    layers.walkNow();
    layers.walkNow();

    assertThat(layers.last(A)).isEmpty();
    assertThat(layers.last(B)).isPresent();
  }

  @Test
  void walkNow_containerStopped_forgetsItsSize() throws IOException {
    files(A, 1, 1);
    running(A);
    WritableLayers layers = layers(100);
    layers.walkNow();
    inventory.set(List.of(container(A, "a").exited(0, false).upperDir(layer(A)).build()));

    layers.walkNow();

    assertThat(layers.last(A)).isEmpty();
  }

  @Test
  void walkNow_layerDirectoryMissing_countsACollectionError() {
    running(A);
    WritableLayers layers = layers(100);

    layers.walkNow();

    assertThat(layers.last(A)).isEmpty();
    assertThat(Exposition.text(agentMetrics.prometheusRegistry().scrape()))
        .contains("dockwatch_collection_errors_total{collector=\"container_fs\"} 1.0");
  }
}
