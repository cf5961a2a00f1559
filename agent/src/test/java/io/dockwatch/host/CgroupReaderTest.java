package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.host.CgroupStats.DeviceIo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupReaderTest {
  private static final String ID =
      "40057f3236625abfafaaf4bccbff3590b86f1cbc5ba45fc0e65a5584586a7dad";

  @TempDir Path root;

  @Test
  void read_v1FoundThroughTheProcess_readsEachController() {
    Tree tree =
        v1Container(Tree.at(root), "/docker/" + ID, 100)
            .file("proc/7/cgroup", "4:memory:/docker/" + ID + "\n1:cpu,cpuacct:/docker/" + ID);
    CgroupReader reader = new CgroupReader(tree.files());

    Optional<CgroupStats> stats = reader.read(ID, 7, "");

    assertThat(reader.unified()).isFalse();
    assertThat(stats.orElseThrow().cpu().orElseThrow().totalNanos()).isEqualTo(100);
    assertThat(stats.orElseThrow().memory().orElseThrow().usage()).isEqualTo(4096);
  }

  @Test
  void read_v1ProcessUnknown_findsTheCgroupUnderItsParent() {
    Tree tree = v1Container(Tree.at(root), "/tenants/" + ID, 200);
    CgroupReader reader = new CgroupReader(tree.files());

    Optional<CgroupStats> stats = reader.read(ID, 0, "/tenants");

    assertThat(stats.orElseThrow().cpu().orElseThrow().totalNanos()).isEqualTo(200);
  }

  @Test
  void read_v2SystemdSlice_findsTheScope() {
    String scope = "sys/fs/cgroup/tenant.slice/tenant-a.slice/docker-" + ID + ".scope/";
    Tree tree =
        Tree.at(root)
            .file("sys/fs/cgroup/cgroup.controllers", "cpu memory\n")
            .file(scope + "cpu.stat", "usage_usec 5\n")
            .file(scope + "memory.current", "8192\n")
            .file(scope + "memory.stat", "anon 4096\n");
    CgroupReader reader = new CgroupReader(tree.files());

    Optional<CgroupStats> stats = reader.read(ID, 9, "tenant-a.slice");

    assertThat(reader.unified()).isTrue();
    assertThat(stats.orElseThrow().cpu().orElseThrow().totalNanos()).isEqualTo(5000);
    assertThat(stats.orElseThrow().memory().orElseThrow().rss()).isEqualTo(4096);
  }

  @Test
  void read_cgroupGone_isEmpty() {
    CgroupReader reader = new CgroupReader(Tree.at(root).files());

    Optional<CgroupStats> stats = reader.read(ID, 7, "");

    assertThat(stats).isEmpty();
  }

  @Test
  void read_containerRestartedInAnotherCgroup_locatesItAgain() {
    Tree tree =
        v1Container(Tree.at(root), "/docker/" + ID, 100)
            .file("proc/7/cgroup", "4:memory:/docker/" + ID + "\n")
            .file("proc/8/cgroup", "4:memory:/moved/" + ID + "\n");
    v1Container(tree, "/moved/" + ID, 300);
    CgroupReader reader = new CgroupReader(tree.files());
    reader.read(ID, 7, "");

    Optional<CgroupStats> stats = reader.read(ID, 8, "");

    assertThat(stats.orElseThrow().cpu().orElseThrow().totalNanos()).isEqualTo(300);
  }

  @Test
  void retain_containerNoLongerListed_isLookedUpAfresh() {
    Tree tree =
        v1Container(Tree.at(root), "/docker/" + ID, 100)
            .file("proc/7/cgroup", "4:memory:/docker/" + ID + "\n");
    CgroupReader reader = new CgroupReader(tree.files());
    reader.read(ID, 7, "");
    tree.file("proc/7/cgroup", "4:memory:/moved/" + ID + "\n");
    v1Container(tree, "/moved/" + ID, 300);

    reader.retain(List.of());
    Optional<CgroupStats> stats = reader.read(ID, 7, "");

    assertThat(stats.orElseThrow().cpu().orElseThrow().totalNanos()).isEqualTo(300);
  }

  @Test
  void read_v1CfqFilesCountDevices_arePreferredToThrottling() {
    CgroupReader reader =
        v1WithBlkio(
            "blkio.io_service_bytes_recursive", "8:0 Read 4096\nTotal 4096\n",
            "blkio.io_serviced_recursive", "8:0 Read 1\nTotal 1\n",
            "blkio.throttle.io_service_bytes_recursive", "8:0 Read 1\nTotal 1\n",
            "blkio.throttle.io_serviced_recursive", "8:0 Read 1\nTotal 1\n");

    Optional<CgroupStats> stats = reader.read(ID, 0, "");

    assertThat(stats.orElseThrow().io()).singleElement().isEqualTo(sda(4096, 1));
  }

  @Test
  void read_v1KernelWithoutRecursiveThrottleFiles_readsTheCgroupsOwn() {
    Tree.at(root).file("sys/dev/block/8:0/uevent", "DEVNAME=sda\n");
    CgroupReader reader =
        v1WithBlkio(
            "blkio.throttle.io_service_bytes", "8:0 Read 512\nTotal 512\n",
            "blkio.throttle.io_serviced", "8:0 Read 2\nTotal 2\n");

    Optional<CgroupStats> stats = reader.read(ID, 0, "");

    assertThat(stats.orElseThrow().io()).singleElement().isEqualTo(sda(512, 2).named("/dev/sda"));
  }

  @Test
  void read_v1WithoutBlkioAndTaskList_hasCpuAndMemoryOnly() {
    CgroupReader reader =
        new CgroupReader(v1Container(Tree.at(root), "/docker/" + ID, 100).files());

    CgroupStats stats = reader.read(ID, 0, "").orElseThrow();

    assertThat(stats.io()).isEmpty();
    assertThat(stats.tasks()).isEmpty();
    assertThat(stats.cpu()).isPresent();
  }

  /** A reader of a v1 container under /docker whose blkio folder holds the files given. */
  private CgroupReader v1WithBlkio(String... namesAndTexts) {
    Tree tree = v1Container(Tree.at(root), "/docker/" + ID, 100);
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      tree.file("sys/fs/cgroup/blkio/docker/" + ID + "/" + namesAndTexts[i], namesAndTexts[i + 1]);
    }
    return new CgroupReader(tree.files());
  }

  private static DeviceIo sda(long readBytes, long reads) {
    return new DeviceIo(8, 0, "", Map.of("Read", readBytes), Map.of("Read", reads));
  }

  private static Tree v1Container(Tree tree, String path, long cpuNanos) {
    return tree.file("sys/fs/cgroup/cpuacct" + path + "/cpuacct.usage", cpuNanos + "\n")
        .file("sys/fs/cgroup/cpuacct" + path + "/cpuacct.stat", "user 0\nsystem 0\n")
        .file("sys/fs/cgroup/memory" + path + "/memory.usage_in_bytes", "4096\n")
        .file("sys/fs/cgroup/memory" + path + "/memory.stat", "total_rss 4096\n");
  }
}
