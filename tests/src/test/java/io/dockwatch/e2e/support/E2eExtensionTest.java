package io.dockwatch.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs a fixture test in a test run of its own, then looks at what was left open. */
class E2eExtensionTest {
  @Test
  void testRun_fixtureUsingEveryPeer_closesThePeersOfTheTest() {
    runFixture();

    Seen seen = UsesEveryPeer.SEEN.get();
    assertThat(seen.receiver().isListening()).isFalse();
    assertThat(seen.workDir()).endsWith(Path.of("e2e-work", "UsesEveryPeer", "usesEveryPeer"));
    assertThat(seen.workDir().resolve("agent-1.stdout")).exists();
    assertThat(UsesEveryPeer.LEFT_AFTER_TEST.get())
        .as("labelled containers after the test")
        .isEmpty();
  }

  @Test
  void testRun_privateEngine_isStoppedWithItsBridgeAndFolderAtTheEnd() {
    runFixture();

    Seen seen = UsesEveryPeer.SEEN.get();
    assumeTrue(seen.enginePid() != 0, "the fixture's engine was not a private one");
    assertThat(ProcessHandle.of(seen.enginePid()).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(Files.exists(seen.engineFolder())).isFalse();
    assertThat(Command.run(List.of("ip", "link", "show", seen.bridge())).succeeded()).isFalse();
  }

  private static void runFixture() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(UsesEveryPeer.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  record Seen(
      ForwardReceiver receiver,
      Path workDir,
      String engineHost,
      long enginePid,
      Path engineFolder,
      String bridge) {}

  /** Not run by the build itself: a static nested class is no test class of its own. */
  @ExtendWith(E2eExtension.class)
  static class UsesEveryPeer {
    // The only way out of a test run that the fixture's caller cannot reach otherwise.
    static final AtomicReference<Seen> SEEN = new AtomicReference<>();
    static final AtomicReference<String> LEFT_AFTER_TEST = new AtomicReference<>();

    @Test
    void usesEveryPeer(Engine engine, ForwardReceiver receiver, AgentLauncher agents) {
      engine.run(Engine.IMAGE, "sleep", "60");
      agents.start();
      Path folder = Path.of(engine.host().substring("unix://".length())).getParent();
      long pid = engine.isPrivate() ? engine.pid() : 0;
      String bridge = engine.isPrivate() ? engine.bridge() : "";
      SEEN.set(new Seen(receiver, agents.workDir(), engine.host(), pid, folder, bridge));
    }

    // Runs after the extension's clean-up of the test, before the run closes the engine.
    @AfterAll
    static void lookForContainers() {
      DockerCli cli = new DockerCli(SEEN.get().engineHost());
      LEFT_AFTER_TEST.set(cli.docker("ps", "-aq", "--filter", "label=" + Engine.TEST_LABEL));
    }
  }
}
