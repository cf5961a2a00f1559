package io.dockwatch.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.docker.ContainerSnapshot.PortBinding;
import io.dockwatch.testing.Fixtures;
import org.junit.jupiter.api.Test;

class SnapshotParserTest {

  @Test
  void parse_runningContainer_readsPortsAsTheEngineBoundThem() {
    ContainerSnapshot c = Fixtures.inspect("running-published");

    assertThat(c.running()).isTrue();
    assertThat(c.ports())
        .contains(
            new PortBinding(80, "tcp", "0.0.0.0", 8080),
            new PortBinding(80, "tcp", "::", 8080),
            new PortBinding(443, "tcp", "::1", 8443),
            new PortBinding(443, "tcp", "127.0.0.1", 443));
  }

  @Test
  void parse_createdContainer_readsRequestedBindingsWithEmptyHostIp() {
    ContainerSnapshot c = Fixtures.inspect("created-requested");

    assertThat(c.running()).isFalse();
    assertThat(c.status()).isEqualTo("created");
    assertThat(c.ports())
        .contains(new PortBinding(80, "tcp", "", 8080), new PortBinding(91, "tcp", "::", 9091));
  }

  @Test
  void parse_anyContainer_keepsNoEnvironment() {
    ContainerSnapshot c = Fixtures.inspect("running-published");

    assertThat(c.toString()).doesNotContain("do-not-forward").doesNotContain("SECRET_TOKEN");
  }

  @Test
  void parse_labelWithControlCharactersAndHugeValue_isBoundedAndCleaned() {
    ContainerSnapshot c =
        Fixtures.inspect(
            "running-published",
            n -> {
              var labels = n.withObjectProperty("Config").putObject("Labels");
              labels.put("evil", "a\u0007b\nc");
              labels.put("huge", "x".repeat(100_000));
            });

    assertThat(c.labels().get("evil")).isEqualTo("a?b?c");
    assertThat(c.labels().get("huge")).hasSize(SnapshotParser.MAX_LABEL_VALUE + 1);
  }

  @Test
  void parse_overlay2Container_readsTheWritableLayerDirectory() {
    ContainerSnapshot c = Fixtures.inspect("running-published");

    assertThat(c.upperDir())
        .isEqualTo(
            "/tmp/dk/data/overlay2/0e80f71d805a8a1f6a932f4836cafdfb6a4c20823053f3af54365548f53a6a88"
                + "/diff");
  }

  @Test
  void parse_storageDriverWithoutUpperDir_hasNoWritableLayerDirectory() {
    ContainerSnapshot c =
        Fixtures.inspect(
            "running-published",
            n -> n.putObject("GraphDriver").put("Name", "btrfs").putObject("Data"));

    assertThat(c.upperDir()).isEmpty();
  }

  @Test
  void parse_engineZeroTime_readsAsEpoch() {
    assertThat(SnapshotParser.instant("0001-01-01T00:00:00Z").getEpochSecond()).isZero();
    assertThat(SnapshotParser.instant("2026-12-04T16:27:01.5Z").getEpochSecond())
        .isEqualTo(1796401621L);
  }
}
