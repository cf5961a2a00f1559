package io.dockwatch.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(E2eExtension.class)
class EngineTest {
  private final Engine engine;

  EngineTest(Engine engine) {
    this.engine = engine;
  }

  @Test
  void run_busyboxSleep_returnsTheIdOfARunningLabelledContainer() {
    long began = System.nanoTime();

    String id = engine.run("--name", "dwt-engine-run", Engine.IMAGE, "sleep", "60");

    Duration took = Duration.ofNanos(System.nanoTime() - began);
    System.out.printf(
        "[measure] engine %s: start %d ms, docker run -d %d ms%n",
        engine.host(), engine.startup().toMillis(), took.toMillis());
    assertThat(id).matches("[0-9a-f]{64}");
    assertThat(engine.docker("inspect", "-f", "{{.State.Running}}", id)).isEqualTo("true");
    assertThat(engine.docker("inspect", "-f", "{{index .Config.Labels \"dockwatch.test\"}}", id))
        .isEqualTo("1");
  }

  @Test
  void image_busybox_hasTheAppletsTheTestsCall() {
    String out =
        engine.docker(
            "run",
            "--rm",
            "--label",
            Engine.TEST_LABEL,
            Engine.IMAGE,
            "sh",
            "-c",
            "echo hi; ls /bin");

    assertThat(out).startsWith("hi").contains("httpd", "nc", "telnetd", "wget", "sleep", "top");
  }

  @Test
  void removeTestContainers_labelledAndUnlabelled_removesOnlyTheLabelled() {
    String labelled = engine.run(Engine.IMAGE, "sleep", "60");
    String unlabelled = engine.docker("create", "--name", "dwt-unlabelled", Engine.IMAGE, "true");
    try {
      engine.removeTestContainers();

      assertThat(engine.docker("ps", "-aq", "--no-trunc")).contains(unlabelled);
      assertThat(engine.docker("ps", "-aq", "--no-trunc")).doesNotContain(labelled);
    } finally {
      engine.docker("rm", "-f", unlabelled);
    }
  }

  @Test
  void docker_failingCommand_failsQuotingStderr() {
    assertThatThrownBy(() -> engine.docker("inspect", "dwt-no-such-container"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited 1")
        .hasMessageContaining("dwt-no-such-container");
  }

  @Test
  void privateEngine_container_getsAnAddressOnTheTestsOwnBridge() {
    assumeTrue(engine.isPrivate(), "only a private engine has a bridge of the tests' own");

    String id = engine.run(Engine.IMAGE, "sleep", "60");

    String gateway = engine.docker("inspect", "-f", "{{.NetworkSettings.Gateway}}", id);
    assertThat(engine.bridge()).matches("dwt[0-9]+");
    assertThat(gateway).isEqualTo("10.213." + engine.bridge().substring(3) + ".1");
  }

  @Test
  void restart_privateEngine_answersAgainOnTheSameSocketUnderANewPid() {
    assumeTrue(engine.isPrivate(), "only a private engine can be restarted");
    long before = engine.pid();
    DockerCli sameSocket = new DockerCli(engine.host());
    boolean[] answeredWhileDown = {true};
    long began = System.nanoTime();

    engine.restart(() -> answeredWhileDown[0] = sameSocket.answers());

    System.out.printf(
        "[measure] engine restart %d ms%n", Duration.ofNanos(System.nanoTime() - began).toMillis());
    assertThat(answeredWhileDown[0]).isFalse();
    assertThat(engine.pid()).isNotEqualTo(before);
    assertThat(sameSocket.answers()).isTrue();
    assertThat(engine.docker("image", "inspect", "-f", "{{.Id}}", Engine.IMAGE)).isNotBlank();
  }
}
