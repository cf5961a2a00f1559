package io.dockwatch.metrics;

import io.dockwatch.metrics.Renderer.Format;
import io.dockwatch.metrics.Renderer.Part;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Sampler} on the collector's schedule and serves the last sample it produced, so
 * that a scrape, however often it comes, never reads a file or waits for one. Each sample is also
 * rendered once in every format scrapers have asked for, on the collector's thread: with hundreds
 * of containers the text runs to megabytes, and writing it anew for every scrape would cost more
 * than taking the sample. A round that fails keeps the previous sample; the failure is counted and
 * logged, rate-limited.
 */
final class SampledCollector implements MultiCollector, PreRendered {
  private static final Logger log = LoggerFactory.getLogger(SampledCollector.class);

  private final String name;
  private final Sampler sampler;
  private final Renderer renderer;
  private final AgentMetrics agentMetrics;
  private final LogThrottle throttle;
  private final Set<Format> wanted = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Sample> last;

  SampledCollector(
      String name,
      Sampler sampler,
      Renderer renderer,
      AgentMetrics agentMetrics,
      LogThrottle throttle) {
    this.name = name;
    this.sampler = sampler;
    this.renderer = renderer;
    this.agentMetrics = agentMetrics;
    this.throttle = throttle;
    this.last = new AtomicReference<>(new Sample(new MetricSnapshots(), Map.of()));
    agentMetrics.declareCollector(name);
  }

  /** Takes one sample and renders it; called by the schedule, never by a scrape. */
  void sampleNow() {
    try {
      Sample previous = last.get();
      last.set(agentMetrics.timeCollection(name, () -> render(sampler.sample(), previous)));
    } catch (RuntimeException e) {
      if (throttle.allow("round:" + name)) {
        log.warn("Metrics collection failed; serving the previous sample, collector={}", name, e);
      }
    }
  }

  private Sample render(MetricSnapshots snapshots, Sample previous) {
    Map<Format, Part> parts = new EnumMap<>(Format.class);
    for (Format f : wanted) {
      parts.put(f, renderer.part(snapshots, f, previous.sizeHint(f)));
    }
    return new Sample(snapshots, parts);
  }

  @Override
  public MetricSnapshots collect() {
    return last.get().snapshots;
  }

  /**
   * The last sample in {@code format}. The first scrape in a format renders it on the scrape's
   * thread; from then on each sample comes rendered in that format too.
   */
  @Override
  public Part rendered(Format format) {
    wanted.add(format);
    return last.get().part(format, renderer);
  }

  /** One sample and its renderings; a rendering a scrape asks for is made once and kept. */
  private static final class Sample {
    private final MetricSnapshots snapshots;
    private final Map<Format, Part> parts;

    Sample(MetricSnapshots snapshots, Map<Format, Part> parts) {
      this.snapshots = snapshots;
      this.parts = new ConcurrentHashMap<>(parts);
    }

    Part part(Format format, Renderer renderer) {
      return parts.computeIfAbsent(format, f -> renderer.part(snapshots, f, 0));
    }

    int sizeHint(Format format) {
      Part p = parts.get(format);
      return p == null ? 0 : p.length();
    }
  }
}
