package io.dockwatch.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingsTest {
  private static ForwardEntry record(String id, String fingerprint, String state, String event) {
    return new ForwardEntry(
        "dockwatch.finding",
        Instant.EPOCH,
        Map.of(
            "record_id", id,
            "fingerprint", fingerprint,
            "state", state,
            "event", event,
            "rule", "tenancy.unlabelled",
            "container_name", "web"));
  }

  @Test
  void openedTwice_copiesOfOneRecord_areNoDuplicate() {
    List<ForwardEntry> entries =
        List.of(record("r1", "f1", "open", "opened"), record("r1", "f1", "open", "opened"));

    assertThat(Findings.openedTwice(entries)).isEmpty();
  }

  @Test
  void openedTwice_twoRecordsOpeningOneFingerprint_namesIt() {
    List<ForwardEntry> entries =
        List.of(
            record("r1", "f1", "open", "opened"),
            record("r2", "f1", "open", "restated"),
            record("r3", "f2", "open", "opened"),
            record("r4", "f2", "open", "opened"));

    assertThat(Findings.openedTwice(entries)).containsExactly("f2");
  }

  @Test
  void fromStdout_jsonLines_becomeEntriesThatCountAsDistinctRecords() {
    String line =
        "{\"time\":\"2026-01-02T03:04:05.5Z\",\"rule\":\"r\",\"state\":\"open\","
            + "\"event\":\"opened\",\"fingerprint\":\"f1\",\"container_name\":\"web\"}";

    List<ForwardEntry> entries = Findings.fromStdout(List.of(line, line));

    assertThat(entries.get(0).time()).isEqualTo(Instant.parse("2026-01-02T03:04:05.5Z"));
    assertThat(Findings.transitions(entries)).containsExactly("f1 open");
    assertThat(Findings.openedTwice(entries)).containsExactly("f1");
    assertThat(entries).filteredOn(Findings.of("r", "web", "open")).hasSize(2);
  }

  @Test
  void fromStdout_lineThatIsNotJson_failsQuotingIt() {
    assertThatThrownBy(() -> Findings.fromStdout(List.of("started")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("started");
  }

  @Test
  void countByRecordId_copies_countTogether() {
    List<ForwardEntry> entries =
        List.of(
            record("r1", "f1", "open", "opened"),
            record("r1", "f1", "open", "opened"),
            record("r2", "f1", "resolved", "resolved"));

    assertThat(Findings.countByRecordId(entries))
        .containsExactly(Map.entry("r1", 2L), Map.entry("r2", 1L));
  }
}
