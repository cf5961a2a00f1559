package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.host.CgroupStats;
import io.dockwatch.host.CgroupStats.DeviceIo;
import io.dockwatch.host.CgroupStats.TaskStates;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerUsageMetricsTest {
  private final LabelSet labels = new LabelSet(Labels.of("id", "/docker/c1", "name", "web"));

  @Test
  void cgroup_twoDevicesTheHostDoesNotName_sumIntoOneSeriesPerFamily() {
    List<DeviceIo> io =
        List.of(
            new DeviceIo(253, 7, "", Map.of("Read", 1L, "Write", 10L), Map.of("Write", 1L)),
            new DeviceIo(253, 8, "", Map.of("Read", 2L, "Write", 20L), Map.of("Write", 2L)));

    MetricSnapshots sample = sample(io, Optional.empty());

    assertThat(Exposition.series(sample, "container_fs_writes_bytes_total"))
        .containsExactly(
            "container_fs_writes_bytes_total{device=\"\",id=\"/docker/c1\",name=\"web\"} 30.0");
    assertThat(Exposition.series(sample, "container_fs_writes_total"))
        .containsExactly(
            "container_fs_writes_total{device=\"\",id=\"/docker/c1\",name=\"web\"} 3.0");
    assertThat(Exposition.series(sample, "container_blkio_device_usage_total")).hasSize(4);
  }

  @Test
  void cgroup_deviceWithBytesOnly_hasNoRequestSeries() {
    List<DeviceIo> io = List.of(new DeviceIo(8, 0, "/dev/sda", Map.of("Write", 4096L), Map.of()));

    MetricSnapshots sample = sample(io, Optional.empty());

    assertThat(Exposition.series(sample, "container_fs_reads_bytes_total"))
        .containsExactly(
            "container_fs_reads_bytes_total{device=\"/dev/sda\",id=\"/docker/c1\",name=\"web\"} 0.0");
    assertThat(Exposition.series(sample, "container_fs_writes_total")).isEmpty();
  }

  @Test
  void cgroup_tasksCounted_reportEveryStateIoWaitingAtZero() {
    MetricSnapshots sample = sample(List.of(), Optional.of(new TaskStates(3, 1, 0, 2)));

    assertThat(Exposition.series(sample, "container_tasks_state"))
        .containsExactly(
            "container_tasks_state{id=\"/docker/c1\",name=\"web\",state=\"iowaiting\"} 0.0",
            "container_tasks_state{id=\"/docker/c1\",name=\"web\",state=\"running\"} 1.0",
            "container_tasks_state{id=\"/docker/c1\",name=\"web\",state=\"sleeping\"} 3.0",
            "container_tasks_state{id=\"/docker/c1\",name=\"web\",state=\"stopped\"} 0.0",
            "container_tasks_state{id=\"/docker/c1\",name=\"web\",state=\"uninterruptible\"} 2.0");
  }

  private MetricSnapshots sample(List<DeviceIo> io, Optional<TaskStates> tasks) {
    Families out = new Families();
    ContainerUsageMetrics.cgroup(
        labels, new CgroupStats(Optional.empty(), Optional.empty(), io, tasks), out);
    return out.build();
  }
}
