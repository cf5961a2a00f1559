package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

class PrometheusExpositionTest {
  private final PrometheusExposition exposition =
      new PrometheusExposition(new PrometheusRegistry());

  @Test
  void contentType_noAcceptHeader_isText004() {
    String type = exposition.contentType(null);

    assertThat(type).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
  }

  @Test
  void contentType_prometheusAsksForOpenMetrics_isOpenMetrics() {
    String type =
        exposition.contentType(
            "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

    assertThat(type).isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
  }

  @Test
  void contentType_protobufAsked_fallsBackToText() {
    String type =
        exposition.contentType(
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited");

    assertThat(type).startsWith("text/plain; version=0.0.4");
  }
}
