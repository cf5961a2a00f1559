package io.dockwatch.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects the data points of one sample, family by family, and freezes them into the Prometheus
 * model. A family keeps one set of label names; a data point with another set is a defect here and
 * fails loudly, since dashboards join on those names.
 */
final class Families {
  private final Map<String, Entry> byName = new LinkedHashMap<>();

  void add(MetricFamily family, double value) {
    add(family, Labels.EMPTY, value);
  }

  void add(MetricFamily family, Labels labels, double value) {
    Entry entry = byName.computeIfAbsent(family.name(), n -> new Entry(family, labels));
    if (!entry.family.equals(family)) {
      throw new IllegalStateException(family.name() + " is declared twice");
    }
    if (!entry.labels.hasSameNames(labels)) {
      throw new IllegalStateException(
          family.name() + " has labels " + entry.labels + ", not " + labels);
    }
    entry.points.add(new Point(labels, value));
  }

  /** The names the families added so far take in the Prometheus model. */
  Set<String> modelNames() {
    Set<String> names = new HashSet<>();
    for (Entry e : byName.values()) {
      names.addAll(e.family.modelNames());
    }
    return names;
  }

  /** Whether no data point has been added yet. */
  boolean isEmpty() {
    return byName.isEmpty();
  }

  /** The families in the order of their first data point, for the text writer. */
  Iterable<Entry> entries() {
    return byName.values();
  }

  /** The families in the Prometheus client's model, for its registry and writers. */
  MetricSnapshots build() {
    List<MetricSnapshot> out = new ArrayList<>(byName.size());
    for (Entry e : byName.values()) {
      out.add(e.snapshot());
    }
    return new MetricSnapshots(out);
  }

  record Point(Labels labels, double value) {}

  /** One family's data points, in the order they were added. */
  static final class Entry {
    private final MetricFamily family;
    private final Labels labels;
    private final List<Point> points = new ArrayList<>();

    Entry(MetricFamily family, Labels labels) {
      this.family = family;
      this.labels = labels;
    }

    MetricFamily family() {
      return family;
    }

    List<Point> points() {
      return points;
    }

    MetricSnapshot snapshot() {
      MetricMetadata meta = new MetricMetadata(baseName(), family.help());
      return switch (family.type()) {
        case COUNTER -> new CounterSnapshot(meta, map(Entry::counter));
        case GAUGE ->
            new GaugeSnapshot(meta, map(p -> new GaugeDataPointSnapshot(p.value, p.labels, null)));
        case UNTYPED ->
            new UnknownSnapshot(
                meta, map(p -> new UnknownDataPointSnapshot(p.value, p.labels, null)));
      };
    }

    private static CounterDataPointSnapshot counter(Point p) {
      return new CounterDataPointSnapshot(p.value, p.labels, null, 0);
    }

    /** The model adds {@code _total} to a counter's name when it writes it. */
    private String baseName() {
      String name = family.name();
      return family.type() == MetricFamily.Type.COUNTER
          ? name.substring(0, name.length() - "_total".length())
          : name;
    }

    private <T> List<T> map(Function<Point, T> f) {
      List<T> out = new ArrayList<>(points.size());
      for (Point p : points) {
        out.add(f.apply(p));
      }
      return out;
    }
  }
}
