package io.dockwatch.metrics;

import io.dockwatch.http.MetricsSource;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a registry's metrics in the Prometheus text format 0.0.4, or in OpenMetrics when the
 * scraper's {@code Accept} header asks for it. Protocol buffers are not offered: the text formats
 * carry everything this agent exposes.
 */
public final class PrometheusExposition implements MetricsSource {
  private final PrometheusRegistry registry;
  private final ExpositionFormatWriter text;
  private final ExpositionFormatWriter openMetrics;

  public PrometheusExposition(PrometheusRegistry registry) {
    ExpositionFormats formats = ExpositionFormats.init();
    this.registry = registry;
    this.text = formats.getPrometheusTextFormatWriter();
    this.openMetrics = formats.getOpenMetricsTextFormatWriter();
  }

  @Override
  public String contentType(String accept) {
    return writer(accept).getContentType();
  }

  @Override
  public void write(String accept, OutputStream out) throws IOException {
    writer(accept).write(out, registry.scrape());
  }

  private ExpositionFormatWriter writer(String accept) {
    return accept != null && openMetrics.accepts(accept) ? openMetrics : text;
  }
}
