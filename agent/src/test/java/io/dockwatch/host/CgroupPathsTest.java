package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CgroupPathsTest {
  private static final String ID =
      "40057f3236625abfafaaf4bccbff3590b86f1cbc5ba45fc0e65a5584586a7dad";

  @Test
  void fromProcCgroup_joinedControllers_findsEachOfThem() {
    String text = "4:memory:/docker/" + ID + "\n3:cpu,cpuacct:/docker/" + ID + "\n0::/\n";

    assertThat(CgroupPaths.fromProcCgroup(text, "cpuacct")).contains("/docker/" + ID);
    assertThat(CgroupPaths.fromProcCgroup(text, "memory")).contains("/docker/" + ID);
    assertThat(CgroupPaths.fromProcCgroup(text, "blkio")).isEmpty();
  }

  @Test
  void fromProcCgroup_unified_findsTheV2Line() {
    String text = "0::/system.slice/docker-" + ID + ".scope\n";

    assertThat(CgroupPaths.fromProcCgroup(text, ""))
        .contains("/system.slice/docker-" + ID + ".scope");
  }

  @Test
  void fromProcCgroup_seenThroughACgroupNamespace_isEmpty() {
    String root = "0::/\n";
    String climbing = "0::/../../system.slice/docker-" + ID + ".scope\n";

    assertThat(CgroupPaths.fromProcCgroup(root, "")).isEmpty();
    assertThat(CgroupPaths.fromProcCgroup(climbing, "")).isEmpty();
  }

  @Test
  void candidates_noParent_triesCgroupfsThenSystemd() {
    var candidates = CgroupPaths.candidates(ID, "");

    assertThat(candidates)
        .containsExactly("/docker/" + ID, "/system.slice/docker-" + ID + ".scope");
  }

  @Test
  void candidates_sliceParent_triesTheExpandedSliceFirst() {
    var candidates = CgroupPaths.candidates(ID, "tenant-a.slice");

    assertThat(candidates)
        .containsExactly(
            "/tenant.slice/tenant-a.slice/docker-" + ID + ".scope", "/tenant-a.slice/" + ID);
  }

  @Test
  void candidates_cgroupfsParent_nestsUnderIt() {
    var candidates = CgroupPaths.candidates(ID, "/tenants/a/");

    assertThat(candidates).first().isEqualTo("/tenants/a/" + ID);
  }

  @Test
  void expandSlice_rootAndNested_followSystemdNaming() {
    assertThat(CgroupPaths.expandSlice("-.slice")).isEmpty();
    assertThat(CgroupPaths.expandSlice("system.slice")).isEqualTo("/system.slice");
    assertThat(CgroupPaths.expandSlice("a-b-c.slice")).isEqualTo("/a.slice/a-b.slice/a-b-c.slice");
  }
}
