package io.dockwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dockwatch.e2e.support.AgentLauncher;
import io.dockwatch.e2e.support.AgentProcess;
import io.dockwatch.e2e.support.E2eExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad configurations, given to the real jar: every command exits 78 (EX_CONFIG) after naming every
 * problem with file, line and key, and {@code run} starts nothing.
 */
@ExtendWith(E2eExtension.class)
class ConfigErrorsEndToEndTest {

  private static List<String> problems(AgentProcess agent) {
    return agent.stderr().stream().filter(l -> l.startsWith("  ")).map(String::trim).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          typo          | [fluentd]\\nhots = "x"                 | dockwatch.toml:2: fluentd.hots: unknown key (known here: buffer_dir, buffer_max_bytes, enabled, host, port, tag, timeout)
          wrong type    | [agent]\\nrestate_interval = 5          | dockwatch.toml:2: agent.restate_interval: 5 is not a duration such as "30s", "5m", "1h", "7d"
          bad port      | [rules.ports]\\nallowed = ["65536/tcp"] | dockwatch.toml:2: rules.ports.allowed[0]: "65536/tcp" is not a port/protocol such as "443/tcp"
          missing file  | [docker]\\nhost = "tcp://127.0.0.1:2376"\\n[docker.tls]\\nca = "/nonexistent/ca.pem"\\ncert = "/nonexistent/c.pem"\\nkey = "/nonexistent/k.pem" | dockwatch.toml:4: docker.tls.ca: "/nonexistent/ca.pem" is not a readable file
          """)
  void run_badConfiguration_exits78WithTheProblem(
      String name, String toml, String expected, AgentLauncher agents) {
    Path config = agents.writeConfig(toml.replace("\\n", "\n"));

    AgentProcess agent = agents.start("run", "--config", config.toString());

    assertThat(agent.awaitExit(Duration.ofSeconds(30))).isEqualTo(78);
    assertThat(problems(agent)).contains(expected.replace("dockwatch.toml", config.toString()));
  }

  @Test
  void checkConfig_severalProblems_listsThemAllAndExits78(AgentLauncher agents) {
    Path config =
        agents.writeConfig(
            """
            [http]
            listen = "0.0.0.0"
            [fluentd]
            port = 0
            [rules]
            disabled = ["no.such.rule"]
            """);

    AgentProcess agent = agents.start("check-config", "--config", config.toString());

    assertThat(agent.awaitExit(Duration.ofSeconds(30))).isEqualTo(78);
    assertThat(problems(agent)).hasSize(3);
  }

  @Test
  void checkConfig_encryptedClientKey_isRejectedNamingTheFile(AgentLauncher agents)
      throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
    Path dir = agents.workDir();
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    openssl(
        dir,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-passout",
        "pass:secret",
        "-keyout",
        key.toString(),
        "-out",
        cert.toString(),
        "-days",
        "1",
        "-subj",
        "/CN=dockwatch-test");
    Path config =
        agents.writeConfig(
            """
            [docker]
            host = "tcp://127.0.0.1:2376"
            [docker.tls]
            ca = "%s"
            cert = "%s"
            key = "%s"
            """
                .formatted(cert, cert, key));

    AgentProcess agent = agents.start("check-config", "--config", config.toString());

    assertThat(agent.awaitExit(Duration.ofSeconds(30))).isEqualTo(78);
    assertThat(String.join("\n", agent.stderr()))
        .contains(key.toString())
        .containsIgnoringCase("encrypted");
  }

  @Test
  void checkConfig_exampleConfiguration_isValid(AgentLauncher agents) {
    AgentProcess agent =
        agents.start(
            "check-config",
            "--config",
            Path.of("..", "config.example.toml").toAbsolutePath().toString());

    assertThat(agent.awaitExit(Duration.ofSeconds(30))).isZero();
  }

  private static void openssl(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }
}
