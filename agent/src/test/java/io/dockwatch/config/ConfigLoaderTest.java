package io.dockwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwatch.policy.RuleCatalog;
import io.dockwatch.policy.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader(RuleCatalog.standard().ids(), "h1");

  private List<String> problems(String toml) {
    try {
      loader.parse("t.toml", toml);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected the configuration to be rejected");
  }

  @Test
  void parse_empty_givesSafeDefaults() throws Exception {
    Config c = loader.parse("t.toml", "");

    assertThat(c.http().listen().getAddress().isLoopbackAddress()).isTrue();
    assertThat(c.docker().host().toString()).isEqualTo("unix:///var/run/docker.sock");
    assertThat(c.sinks().fluentd().tag()).isEqualTo("dockwatch.finding");
    assertThat(c.rules().loggingDrivers()).containsExactly("fluentd");
    assertThat(c.agent().hostname()).isEqualTo("h1");
  }

  @Test
  void parse_exampleConfiguration_isValid() throws Exception {
    Path example = Path.of("..", "config.example.toml");

    Config c = loader.parse(example.toString(), Files.readString(example));

    assertThat(c.rules().allowedPorts()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          typo in a key        | [http]\\nlisten_addr = "x"                       | t.toml:2: http.listen_addr: unknown key (known here: basic_auth, listen, tls)
          bad port/protocol    | [rules.ports]\\nallowed = ["443/tcp", "80/tcpp"] | t.toml:2: rules.ports.allowed[1]: "80/tcpp" is not a port/protocol such as "443/tcp"
          wildcard address     | [rules.ports]\\nallowed_addresses = ["::"]       | t.toml:2: rules.ports.allowed_addresses[0]: "::" is a wildcard; name a specific interface address
          wrong type           | [fluentd]\\nport = "24224"                      | t.toml:2: fluentd.port: must be a whole number, not "24224"
          port out of range    | [fluentd]\\nport = 70000                        | t.toml:2: fluentd.port: 70000 is out of range 1..65535
          unknown rule         | [rules]\\ndisabled = ["logging.drivr"]          | t.toml:2: rules.disabled[0]: "logging.drivr" is not a rule id (see `dockwatch rules`)
          bad severity         | [rules.severity]\\n"logging.driver" = "urgent"  | t.toml:2: rules.severity.logging.driver: "urgent" is not one of info, low, medium, high, critical
          bad listen           | [http]\\nlisten = "9814"                        | t.toml:2: http.listen: "9814" is not HOST:PORT, such as "127.0.0.1:9814"
          name as listen host  | [http]\\nlisten = "example.org:9814"            | t.toml:2: http.listen: "example.org" is not an IP address (names are not resolved)
          plain tcp engine     | [docker]\\nhost = "tcp://127.0.0.1:2376"         | t.toml:2: docker.host: "tcp://127.0.0.1:2376" is a TCP engine: the agent reaches remote engines only over mutual TLS; set docker.tls.ca, docker.tls.cert and docker.tls.key
          bad duration         | [agent]\\nresync_interval = "5 minutes"         | t.toml:2: agent.resync_interval: "5 minutes" is not a duration such as "30s", "5m", "1h", "7d"
          relative state dir   | [agent]\\nstate_dir = "state"                   | t.toml:2: agent.state_dir: "state" must be an absolute path
          relative textfiles   | [metrics]\\nhost_interval = "5s"\\ntextfile_directory = "prom" | t.toml:3: metrics.textfile_directory: "prom" must be an absolute path
          textfiles not a dir  | [metrics]\\ntextfile_directory = "/etc/hostname" | t.toml:2: metrics.textfile_directory: "/etc/hostname" is not a directory
          textfiles not text   | [metrics]\\ntextfile_directory = 7             | t.toml:2: metrics.textfile_directory: must be a string, not 7
          exception no reason  | [[exceptions]]\\nrules = ["logging.driver"]\\nname = "x" | t.toml:1: exceptions[0].reason: must say why (it is carried in every waived finding)
          bad expiry           | [[exceptions]]\\nrules = ["logging.driver"]\\nname = "x"\\nreason = "y"\\nexpires = "31.03.2027" | t.toml:5: exceptions[0].expires: "31.03.2027" is not a date such as "2027-03-31"
          fs walk too often    | [metrics]\\ncontainer_fs_interval = "500ms"      | t.toml:2: metrics.container_fs_interval: 500ms is shorter than the minimum of 1s
          no files to walk     | [metrics]\\ncontainer_fs_max_files = 0           | t.toml:2: metrics.container_fs_max_files: 0 is out of range 1..9223372036854775807
          unknown table        | [fluentdd]\\nhost = "x"                         | t.toml:1: fluentdd: unknown key (known here: agent, docker, exceptions, fluentd, gelf, http, infrastructure, metrics, remote_access, rules, stdout, tenancy)
          """)
  void parse_badValue_namesFileLineKeyAndValue(String name, String toml, String message) {
    assertThat(problems(toml.replace("\\n", "\n"))).containsExactly(message);
  }

  @Test
  void parse_noTextfileDirectory_leavesTheCollectorOff() throws Exception {
    Config c = loader.parse("t.toml", "[metrics]\nhost_interval = \"5s\"\n");

    assertThat(c.metrics().textfileDirectory()).isEmpty();
  }

  @Test
  void parse_textfileDirectoryNotThereYet_isAccepted() throws Exception {
    Config c =
        loader.parse("t.toml", "[metrics]\ntextfile_directory = \"/nonexistent/textfile\"\n");

    assertThat(c.metrics().textfileDirectory()).contains(Path.of("/nonexistent/textfile"));
  }

  @Test
  void parse_containerFsKeys_setTheWalkScheduleAndItsBound() throws Exception {
    Config defaults = loader.parse("t.toml", "");

    Config c =
        loader.parse(
            "t.toml", "[metrics]\ncontainer_fs_interval = \"5m\"\ncontainer_fs_max_files = 2000\n");

    assertThat(defaults.metrics().containerFsInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.metrics().containerFsInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.metrics().containerFsMaxFiles()).isEqualTo(2000);
  }

  @Test
  void parse_manyProblems_reportsThemAllAtOnce() {
    List<String> p =
        problems(
            """
            [http]
            listen = "nope"
            [fluentd]
            port = -1
            [rules.ports]
            allowed = ["x"]
            """);

    assertThat(p).hasSize(3);
  }

  @Test
  void parse_invalidToml_namesTheLine() {
    assertThatThrownBy(() -> loader.parse("t.toml", "[http]\nlisten = \n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("t.toml:2: not valid TOML");
  }

  @Test
  void parse_severityOverrideAndDisabledRule_areApplied() throws Exception {
    Config c =
        loader.parse(
            "t.toml",
            """
            [rules]
            disabled = ["network.host-mode"]
            [rules.severity]
            "logging.driver" = "critical"
            """);

    assertThat(c.rules().disabled()).containsExactly("network.host-mode");
    assertThat(c.rules().severity()).containsEntry("logging.driver", Severity.CRITICAL);
  }

  @Test
  void exitStatus_isExConfig() {
    assertThat(ConfigException.EXIT_STATUS).isEqualTo(78);
  }
}
