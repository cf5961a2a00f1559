package io.dockwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwatch.policy.CisBenchmark;
import io.dockwatch.policy.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration keys the rules added: benchmark version, remote access, rule settings. */
class RuleSettingsConfigTest {
  private final ConfigLoader loader = new ConfigLoader(RuleCatalog.standard().ids(), "testhost");

  @Test
  void parse_benchmarkAndRemoteAccess_areRead() throws ConfigException {
    Config c =
        loader.parse(
            "t.toml",
            "[rules]\ncis_benchmark = \"1.7.0\"\n\n[[remote_access]]\nname = \"bastion-*\"\nreason = \"ssh jump host\"\n");

    assertThat(c.rules().cisBenchmark()).isEqualTo(CisBenchmark.V1_7_0);
    assertThat(c.remoteAccess()).extracting(Selector::name).containsExactly("bastion-*");
  }

  @Test
  void parse_defaults_areTheNewestBenchmarkAndNoRemoteAccess() throws ConfigException {
    Config c = loader.parse("t.toml", "");

    assertThat(c.rules().cisBenchmark()).isEqualTo(CisBenchmark.NEWEST);
    assertThat(c.remoteAccess()).isEmpty();
  }

  @Test
  void parse_settingsOfTheRightNameAndType_areKept() throws ConfigException {
    Config c =
        loader.parse(
            "t.toml",
            "[rules.settings.\"patch.image-age\"]\nmax_days = 30\n"
                + "[rules.settings.\"backup.local-volume\"]\nbacked_up = [\"db-*\"]\n");

    assertThat(c.rules().settings().get("patch.image-age")).containsEntry("max_days", 30L);
    assertThat(c.rules().settings().get("backup.local-volume"))
        .containsEntry("backed_up", List.of("db-*"));
  }

  @Test
  void parse_unknownSettingWrongTypeAndBadBenchmark_areAllReported() {
    String toml =
        "[rules]\ncis_benchmark = \"1.5\"\n"
            + "[rules.settings.\"patch.image-age\"]\nmax_dayz = 30\n"
            + "[rules.settings.\"cis.5.15\"]\nmax_retries = \"five\"\n"
            + "[rules.settings.\"cis.5.5\"]\nanything = true\n";

    assertThatThrownBy(() -> loader.parse("t.toml", toml))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .anySatisfy(p -> assertThat(p).contains("cis_benchmark", "1.5"))
                    .anySatisfy(p -> assertThat(p).contains("max_dayz", "it takes: max_days"))
                    .anySatisfy(p -> assertThat(p).contains("max_retries", "a whole number"))
                    .anySatisfy(p -> assertThat(p).contains("anything", "takes none")));
  }
}
