package io.dockwatch.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.policy.Fixtures;
import org.junit.jupiter.api.Test;

class EngineFactsTest {
  @Test
  void parse_realEngine_readsDriversAndOptions() {
    EngineFacts e = Fixtures.engine();

    assertThat(e.serverVersion()).isEqualTo("20.10.24+dfsg1");
    assertThat(e.storageDriver()).isEqualTo("overlay2");
    assertThat(e.loggingDriver()).isEqualTo("json-file");
    assertThat(e.seccompProfile()).contains("default");
    assertThat(e.hasSecurityOption("apparmor")).isFalse();
    assertThat(e.swarmActive()).isFalse();
  }

  @Test
  void parse_implicitLoopbackRange_isNoInsecureRegistry() {
    EngineFacts e = Fixtures.engine();

    assertThat(e.insecureRegistries()).isEmpty();
  }

  @Test
  void parse_configuredInsecureRangeAndRegistry_areListed() {
    EngineFacts e =
        Fixtures.engine(
            info -> {
              ObjectNode reg = (ObjectNode) info.path("RegistryConfig");
              reg.putArray("InsecureRegistryCIDRs").add("10.0.0.0/8").add("127.0.0.0/8");
              ObjectNode index =
                  ((ObjectNode) reg.path("IndexConfigs")).putObject("reg.local:5000");
              index.put("Secure", false);
            });

    assertThat(e.insecureRegistries()).containsExactly("10.0.0.0/8", "reg.local:5000");
  }

  @Test
  void securityOption_oldBareWords_areUnderstood() throws Exception {
    ObjectNode info =
        (ObjectNode)
            new ObjectMapper().readTree("{\"SecurityOptions\": [\"apparmor\", \"seccomp\"]}");

    EngineFacts e = EngineFacts.parse(info, new ObjectMapper().createObjectNode());

    assertThat(e.hasSecurityOption("apparmor")).isTrue();
    assertThat(e.seccompProfile()).contains("default");
  }
}
