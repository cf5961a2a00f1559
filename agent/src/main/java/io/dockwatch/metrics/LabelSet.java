package io.dockwatch.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels of one container's series: the base set every series carries, and the sets with one or
 * two labels more ({@code cpu}, {@code interface}, {@code state}…) that some families add. Each set
 * is built once and reused for as long as the container's labels stay the same: building and
 * validating label sets was a good part of every collection round's work. Not thread-safe.
 */
final class LabelSet {
  private final Labels base;
  private final Map<String, Labels> derived = new HashMap<>();

  LabelSet(Labels base) {
    this.base = base;
  }

  Labels base() {
    return base;
  }

  Labels with(String name, String value) {
    return derived.computeIfAbsent(name + '=' + value, k -> base.add(name, value));
  }

  Labels with(String name1, String value1, String name2, String value2) {
    return derived.computeIfAbsent(
        name1 + '=' + value1 + '\n' + name2 + '=' + value2,
        k -> base.merge(new String[] {name1, name2}, new String[] {value1, value2}));
  }
}
