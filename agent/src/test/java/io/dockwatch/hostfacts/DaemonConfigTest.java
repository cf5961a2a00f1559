package io.dockwatch.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonConfigTest {
  private static DaemonConfig config(List<String> args, String json) throws Exception {
    return new DaemonConfig(
        1,
        DaemonFlags.parse(args),
        "/etc/docker/daemon.json",
        json == null ? null : new ObjectMapper().readTree(json),
        Optional.empty());
  }

  @Test
  void value_setOnlyInFile_comesFromTheFile() throws Exception {
    DaemonConfig d = config(List.of(), "{\"icc\": false, \"log-level\": \"warn\"}");

    assertThat(d.bool("icc")).contains(false);
    assertThat(d.value("log-level")).contains("warn");
    assertThat(d.source("icc")).isEqualTo("/etc/docker/daemon.json \"icc\"");
  }

  @Test
  void value_setByFlag_winsOverTheFile() throws Exception {
    DaemonConfig d = config(List.of("--icc=true"), "{\"icc\": false}");

    assertThat(d.bool("icc")).contains(true);
    assertThat(d.source("icc")).isEqualTo("flag --icc");
  }

  @Test
  void values_listKeysOfTheFile_useTheirPluralNames() throws Exception {
    DaemonConfig d =
        config(
            List.of(),
            "{\"hosts\": [\"tcp://0.0.0.0:2376\"], \"authorization-plugins\": [\"opa\"],"
                + " \"default-ulimits\": {\"nofile\": {\"Name\": \"nofile\", \"Hard\": 1, \"Soft\": 1}}}");

    assertThat(d.hosts()).containsExactly("tcp://0.0.0.0:2376");
    assertThat(d.values("authorization-plugin")).containsExactly("opa");
    assertThat(d.values("default-ulimit")).containsExactly("nofile");
    assertThat(d.isSet("default-ulimit")).isTrue();
  }

  @Test
  void dataRoot_unset_isTheDefault() throws Exception {
    DaemonConfig d = config(List.of(), null);

    assertThat(d.dataRoot()).isEqualTo("/var/lib/docker");
    assertThat(d.source("icc")).isEqualTo("default");
  }
}
