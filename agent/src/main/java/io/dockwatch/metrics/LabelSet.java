package io.dockwatch.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels of one container's series: the base set every series carries, and the sets with a few
 * labels more ({@code cpu}, {@code interface}, {@code state}, a device…) that some families add.
 * Each set is built once and reused for as long as the container's labels stay the same: building
 * and validating label sets was a good part of every collection round's work. Not thread-safe.
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

  /** The base set with the labels given as name, value, name, value… */
  Labels with(String... namesAndValues) {
    return derived.computeIfAbsent(String.join("\n", namesAndValues), k -> derive(namesAndValues));
  }

  private Labels derive(String[] namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("a label without a value: " + namesAndValues.length);
    }
    String[] names = new String[namesAndValues.length / 2];
    String[] values = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = namesAndValues[2 * i];
      values[i] = namesAndValues[2 * i + 1];
    }
    return base.merge(names, values);
  }
}
