package io.dockwatch.metrics;

import io.dockwatch.http.MetricsSource;
import io.dockwatch.metrics.Renderer.Format;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the metrics in the Prometheus text format 0.0.4, or in OpenMetrics when the scraper's
 * {@code Accept} header asks for it: first the sampled families as their collectors rendered them,
 * then the families of the live registry (the agent's meters, findings, the clock), serialized now.
 * A family appears in one of the two only, so the answer holds each family once.
 */
public final class PrometheusExposition implements MetricsSource {
  private final Renderer renderer;
  private final List<SampledCollector> sampled;
  private final PrometheusRegistry live;

  /** Serializes everything {@code registry} holds, on every scrape. */
  public PrometheusExposition(PrometheusRegistry registry) {
    this(new Renderer(), List.of(), registry);
  }

  PrometheusExposition(Renderer renderer, List<SampledCollector> sampled, PrometheusRegistry live) {
    this.renderer = renderer;
    this.sampled = List.copyOf(sampled);
    this.live = live;
  }

  @Override
  public String contentType(String accept) {
    return renderer.writer(renderer.format(accept)).getContentType();
  }

  @Override
  public void write(String accept, OutputStream out) throws IOException {
    Format format = renderer.format(accept);
    for (SampledCollector collector : sampled) {
      collector.rendered(format).writeTo(out);
    }
    renderer.writer(format).write(out, live.scrape());
  }
}
