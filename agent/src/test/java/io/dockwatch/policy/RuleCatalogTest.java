package io.dockwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
  private final RuleCatalog catalog = RuleCatalog.standard();

  @Test
  void catalogue_everyRuleIsImplementedAndEveryImplementationCatalogued() {
    Policy policy = Fixtures.policy("");
    Set<String> implemented = new HashSet<>();

    policy.containerRules().forEach(r -> implemented.add(r.info().id()));
    policy.hostRules().forEach(r -> implemented.add(r.info().id()));

    assertThat(implemented).containsExactlyInAnyOrderElementsOf(catalog.ids());
  }

  @Test
  void catalogue_everyEntry_isComplete() {
    for (RuleInfo r : catalog.all()) {
      assertThat(r.title()).as(r.id()).isNotBlank();
      assertThat(r.remediation()).as(r.id()).isNotBlank();
      assertThat(r.policy()).as(r.id()).isNotBlank();
      if (r.id().startsWith("cis.")) {
        assertThat(r.id()).as(r.id()).isEqualToIgnoringCase("cis." + r.cis());
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void catalogue_ruleSettings_haveDefaults() {
    assertThat(catalog.settings("patch.image-age")).containsEntry("max_days", 90L);
    assertThat(catalog.settings("cis.5.15")).containsEntry("max_retries", 5L);
    assertThat((List<Object>) catalog.settings("remote.daemon-in-container").get("programs"))
        .contains("sshd", "telnetd", "dropbear");
    assertThat(catalog.settings("cis.5.5")).isEmpty();
  }

  @Test
  void documentation_describesEveryRule() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8);

    for (String id : catalog.ids()) {
      assertThat(docs).as(id).contains("`" + id + "`");
    }
  }

  @Test
  void writeListing_newestBenchmark_showsRenumberedCisNumbers() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    catalog.writeListing(CisBenchmark.V1_8_0, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("CIS 1.8.0");
    assertThat(text)
        .containsPattern("remote.engine-tcp-plain +critical +host +8 Remote access +2\\.8 ");
    assertThat(text).containsPattern("cis.5.5 +critical +container +1 Hardening +5\\.5 ");
    assertThat(text.lines().count()).isEqualTo(catalog.all().size() + 1L);
  }
}
