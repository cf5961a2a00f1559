package io.dockwatch.metrics;

import io.dockwatch.metrics.Renderer.Format;
import io.dockwatch.metrics.Renderer.Part;
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
final class SampledCollector implements PreRendered {
  private static final Logger log = LoggerFactory.getLogger(SampledCollector.class);

  private final String name;
  private final Sampler sampler;
  private final Renderer renderer;
  private final TextWriter writer = new TextWriter();
  private final AgentMetrics agentMetrics;
  private final LogThrottle throttle;
  private final Set<Format> wanted = ConcurrentHashMap.newKeySet();
  private final Map<Format, BufferPool> pools = new EnumMap<>(Format.class);
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
    this.last = new AtomicReference<>(new Sample(new Families(), Map.of()));
    for (Format f : Format.values()) {
      pools.put(f, new BufferPool());
    }
    agentMetrics.declareCollector(name);
  }

  /** Takes one sample and renders it; called by the schedule, never by a scrape. */
  void sampleNow() {
    try {
      Sample previous = last.get();
      last.set(agentMetrics.timeCollection(name, () -> render(sampler.sample(), previous)));
      previous.release();
    } catch (RuntimeException e) {
      if (throttle.allow("round:" + name)) {
        log.warn("Metrics collection failed; serving the previous sample, collector={}", name, e);
      }
    }
  }

  private Sample render(Families families, Sample previous) {
    Map<Format, Part> parts = new EnumMap<>(Format.class);
    for (Format f : wanted) {
      parts.put(f, renderer.part(families, f, previous.sizeHint(f), writer, pools.get(f)));
    }
    return new Sample(families, parts);
  }

  /** The last sample in the Prometheus client's model. */
  MetricSnapshots collect() {
    return last.get().families.build();
  }

  /**
   * The last sample in {@code format}, held for the caller. The first scrape in a format renders it
   * on the scrape's thread; from then on each sample comes rendered in that format too.
   */
  @Override
  public Part rendered(Format format) {
    wanted.add(format);
    while (true) {
      Part part = last.get().part(format);
      if (part.hold()) {
        return part;
      }
      // The sample was replaced and its part released between the two calls: take the new one.
    }
  }

  /** One sample and its renderings; a rendering a scrape asks for is made once and kept. */
  private final class Sample {
    private final Families families;
    private final Map<Format, Part> parts;

    Sample(Families families, Map<Format, Part> parts) {
      this.families = families;
      this.parts = new ConcurrentHashMap<>(parts);
    }

    Part part(Format format) {
      return parts.computeIfAbsent(
          format, f -> renderer.part(families, f, 0, writer, pools.get(f)));
    }

    /** Gives up the sample's own hold on its parts, once a newer sample replaced it. */
    void release() {
      parts.values().forEach(Part::release);
    }

    int sizeHint(Format format) {
      Part p = parts.get(format);
      return p == null ? 0 : p.length();
    }
  }
}
