package io.dockwatch.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpositionTest {
  private static final String BODY =
      """
      # HELP dockwatch_events_received_total Engine events received, by the engine's event type.
      # TYPE dockwatch_events_received_total counter
      dockwatch_events_received_total{type="container"} 304.0
      dockwatch_events_received_total{type="daemon"} 1.0
      dockwatch_engine_connected 1.0 1733334455000
      """;

  @Test
  void value_seriesWithLabels_isTheNumberAfterIt() {
    assertThat(Exposition.value(BODY, "dockwatch_events_received_total{type=\"container\"}"))
        .hasValue(304.0);
  }

  @Test
  void value_seriesWithTimestamp_ignoresTheTimestamp() {
    assertThat(Exposition.value(BODY, "dockwatch_engine_connected")).hasValue(1.0);
  }

  @Test
  void value_absentSeries_isEmpty() {
    assertThat(Exposition.value(BODY, "dockwatch_events_received_total{type=\"image\"}")).isEmpty();
  }
}
