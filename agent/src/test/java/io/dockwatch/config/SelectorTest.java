package io.dockwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectorTest {

  @Test
  void matches_globsOnNameImageAndLabels_allMustHold() {
    Selector s = new Selector("log-*", "fluent/*", Map.of("role", "proxy"), "r");

    assertThat(s.matches("/log-proxy", "fluent/fluentd:1", Map.of("role", "proxy"))).isTrue();
    assertThat(s.matches("log-proxy", "fluent/fluentd:1", Map.of())).isFalse();
    assertThat(s.matches("web", "fluent/fluentd:1", Map.of("role", "proxy"))).isFalse();
  }

  @Test
  void glob_regexCharacters_areLiteral() {
    assertThat(new Selector("a.b", null, Map.of(), "r").matches("axb", "", Map.of())).isFalse();
  }

  @Test
  void waiver_expiryDay_isStillActive_theDayAfterIsNot() {
    Waiver w =
        new Waiver(
            List.of("network.*"),
            new Selector("x", null, Map.of(), "r"),
            Optional.of(LocalDate.parse("2027-03-31")));

    assertThat(w.coversRule("network.host-mode")).isTrue();
    assertThat(w.coversRule("logging.driver")).isFalse();
    assertThat(w.activeOn(LocalDate.parse("2027-03-31"))).isTrue();
    assertThat(w.activeOn(LocalDate.parse("2027-04-01"))).isFalse();
  }
}
