package io.dockwatch.metrics;

import io.dockwatch.http.MetricsSource;
import io.dockwatch.metrics.Renderer.Format;
import io.dockwatch.metrics.Renderer.Part;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the metrics in the Prometheus text format 0.0.4, or in OpenMetrics when the scraper's
 * {@code Accept} header asks for it: first the families that come pre-rendered (samples, findings),
 * then the families of the live registry (the agent's meters, the clock), serialized now. A family
 * appears in one of the two only, so the answer holds each family once.
 */
public final class PrometheusExposition implements MetricsSource {
  private final Renderer renderer;
  private final List<PreRendered> prerendered;
  private final PrometheusRegistry live;

  /** Serializes everything {@code registry} holds, on every scrape. */
  public PrometheusExposition(PrometheusRegistry registry) {
    this(new Renderer(), List.of(), registry);
  }

  PrometheusExposition(Renderer renderer, List<PreRendered> prerendered, PrometheusRegistry live) {
    this.renderer = renderer;
    this.prerendered = List.copyOf(prerendered);
    this.live = live;
  }

  @Override
  public String contentType(String accept) {
    return renderer.writer(renderer.format(accept)).getContentType();
  }

  @Override
  public MetricsSource.Body expose(String accept, boolean gzip) {
    Format format = renderer.format(accept);
    String type = renderer.writer(format).getContentType();
    List<Part> parts = new ArrayList<>(prerendered.size());
    try {
      for (PreRendered collector : prerendered) {
        parts.add(collector.rendered(format));
      }
      Part live = renderer.last(this.live.scrape(), format);
      return gzip ? ScrapeBody.gzip(type, parts, live) : ScrapeBody.plain(type, parts, live);
    } catch (RuntimeException e) {
      parts.forEach(Part::release);
      throw e;
    }
  }
}
