package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostReaderTest {
  @TempDir Path root;

  @Test
  void mounts_initProcessHidden_fallsBackToOwnMounts() {
    Tree tree = Tree.at(root).file("proc/mounts", "/dev/vda / ext4 rw 0 0\n");
    HostReader reader = new HostReader(tree.files());

    var mounts = reader.mounts();

    assertThat(mounts.orElseThrow()).containsExactly(new MountEntry("/dev/vda", "/", "ext4", "rw"));
  }

  @Test
  void uname_kernelWithoutArch_takesTheMachineFromTheJvm() {
    Tree tree =
        Tree.at(root)
            .file("proc/sys/kernel/ostype", "Linux\n")
            .file("proc/sys/kernel/osrelease", "5.10.0\n");
    HostReader reader = new HostReader(tree.files());

    Uname uname = reader.uname().orElseThrow();

    assertThat(uname.sysname()).isEqualTo("Linux");
    assertThat(uname.release()).isEqualTo("5.10.0");
    assertThat(uname.machine()).isNotEmpty().isNotEqualTo("amd64");
  }

  @Test
  void conntrack_moduleNotLoaded_isEmpty() {
    HostReader reader = new HostReader(Tree.at(root).files());

    var conntrack = reader.conntrack();

    assertThat(conntrack).isEmpty();
  }

  @Test
  void operStates_eachInterface_readsItsStateWord() {
    Tree tree =
        Tree.at(root)
            .file("sys/class/net/eth0/operstate", "up\n")
            .file("sys/class/net/lo/operstate", "unknown\n");
    HostReader reader = new HostReader(tree.files());

    var states = reader.operStates(d -> true);

    assertThat(states).containsEntry("eth0", "up").containsEntry("lo", "unknown").hasSize(2);
  }

  @Test
  void osRelease_etcMissing_readsUsrLib() {
    Tree tree = Tree.at(root).file("usr/lib/os-release", "ID=alpine\n");
    HostReader reader = new HostReader(tree.files());

    var os = reader.osRelease();

    assertThat(os.orElseThrow().get("ID")).isEqualTo("alpine");
  }
}
