package io.dockwatch.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the agent-process helper on {@link FakeAgent}, which behaves in known ways; only the last
 * test touches the real jar, and assumes nothing of it but that it ends.
 */
class AgentProcessTest {
  private final AgentLauncher fakes = new AgentLauncher(fakeAgentCommand(), workDir("fake"));

  @AfterEach
  void endAgents() {
    fakes.close();
  }

  @Test
  void start_servingAgent_capturesStdoutAndStderrLines() throws IOException {
    AgentProcess agent = fakes.start("serve", Integer.toString(freePort()));

    String line = agent.awaitStdout(text -> text.contains("started"));

    assertThat(line).isEqualTo(FakeAgent.STARTED);
    assertThat(agent.awaitStderr(text -> text.startsWith("INFO"))).contains("listening");
  }

  @Test
  void awaitGet_healthz_returnsStatusTypeAndBody() throws IOException {
    int port = freePort();
    AgentProcess agent = fakes.start("serve", Integer.toString(port));

    HttpReply reply = agent.awaitGet(port, "/healthz", answer -> answer.status() == 200);

    assertThat(reply).isEqualTo(new HttpReply(200, "text/plain", "ok\n"));
  }

  @Test
  void stop_runningAgent_sendsSigtermSoItsShutdownHookRuns() throws IOException {
    AgentProcess agent = fakes.start("serve", Integer.toString(freePort()));
    agent.awaitStdout(FakeAgent.STARTED::equals);

    int exitCode = agent.stop();

    assertThat(exitCode).isEqualTo(143);
    assertThat(agent.stdout()).endsWith(FakeAgent.STOPPING);
    assertThat(agent.isAlive()).isFalse();
  }

  @Test
  void kill_runningAgent_endsItWithoutItsShutdownHook() throws IOException {
    AgentProcess agent = fakes.start("serve", Integer.toString(freePort()));
    agent.awaitStdout(FakeAgent.STARTED::equals);

    int exitCode = agent.kill();

    assertThat(exitCode).isEqualTo(137);
    assertThat(agent.stdout()).doesNotContain(FakeAgent.STOPPING);
  }

  @Test
  void awaitExit_commandThatEndsByItself_returnsItsExitCodeAndOutput() {
    AgentProcess agent = fakes.start("exit", "3");

    int exitCode = agent.awaitExit(Duration.ofSeconds(30));

    assertThat(exitCode).isEqualTo(3);
    assertThat(agent.exitCode()).hasValue(3);
    assertThat(agent.stdout()).containsExactly("{\"event\":\"exiting\"}");
  }

  @Test
  void residentKib_runningAgent_readsItsResidentSetSize() throws IOException {
    AgentProcess agent = fakes.start("serve", Integer.toString(freePort()));
    agent.awaitStdout(FakeAgent.STARTED::equals);

    long kib = agent.residentKib();

    assertThat(kib).isBetween(10_000L, 1_000_000L);
  }

  @Test
  void vmRssKib_statusLines_readsTheKibibytes() {
    List<String> status = List.of("Name:\tjava", "VmPeak:\t  999 kB", "VmRSS:\t   51234 kB");

    long kib = AgentProcess.vmRssKib(status);

    assertThat(kib).isEqualTo(51_234L);
  }

  @Test
  void close_launcherWithRunningAgents_endsThemAndKeepsTheirOutput() throws IOException {
    AgentProcess agent = fakes.start("serve", Integer.toString(freePort()));
    agent.awaitStdout(FakeAgent.STARTED::equals);

    fakes.close();

    assertThat(agent.isAlive()).isFalse();
    assertThat(fakes.workDir().resolve("agent-1.stdout")).content().contains("started");
  }

  @Test
  void start_realJarWithoutArguments_endsByItself() {
    AgentLauncher real = AgentLauncher.forJar(workDir("real"));
    try (real) {
      AgentProcess agent = real.start();

      int exitCode = agent.awaitExit(Duration.ofSeconds(60));

      assertThat(agent.exitCode()).hasValue(exitCode);
    }
  }

  private static List<String> fakeAgentCommand() {
    try {
      Path classes =
          Path.of(FakeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return AgentLauncher.java("-Xmx32m", "-cp", classes.toString(), FakeAgent.class.getName());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path workDir(String name) {
    return AgentLauncher.emptied(Path.of("target", "e2e-work", "AgentProcessTest", name));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
