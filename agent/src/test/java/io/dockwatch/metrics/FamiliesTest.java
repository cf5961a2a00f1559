package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.Labels;
import org.junit.jupiter.api.Test;

class FamiliesTest {
  private static final MetricFamily BYTES =
      MetricFamily.counter("test_bytes_total", "Bytes the test moved.");

  @Test
  void build_counter_isWrittenWithItsTotalSuffixOnce() {
    Families families = new Families();
    families.add(BYTES, Labels.of("device", "eth0"), 42);

    String text = Exposition.text(families.build());

    assertThat(text)
        .isEqualTo(
            """
            # HELP test_bytes_total Bytes the test moved.
            # TYPE test_bytes_total counter
            test_bytes_total{device="eth0"} 42.0
            """);
  }

  @Test
  void add_otherLabelNamesInTheSameFamily_fails() {
    Families families = new Families();
    families.add(BYTES, Labels.of("device", "eth0"), 1);

    assertThatThrownBy(() -> families.add(BYTES, Labels.of("interface", "eth0"), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test_bytes_total");
  }

  @Test
  void add_sameNameDeclaredTwice_fails() {
    Families families = new Families();
    families.add(BYTES, 1);

    assertThatThrownBy(
            () -> families.add(MetricFamily.gauge("test_bytes_total", "Another meaning."), 1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void metricFamily_counterWithoutTotalOrHelpWithoutSentence_isRejected() {
    assertThatThrownBy(() -> MetricFamily.counter("test_bytes", "Bytes."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricFamily.gauge("test_bytes", "bytes"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
