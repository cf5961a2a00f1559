package io.dockwatch.metrics;

import java.util.Objects;

/**
 * The name, help and type of one metric family. Counter names carry their {@code _total} suffix, so
 * that the constant reads as the series does in a query.
 */
record MetricFamily(String name, String help, Type type) {

  /** The types this agent exposes; {@code UNTYPED} only where node_exporter uses it. */
  enum Type {
    COUNTER,
    GAUGE,
    UNTYPED
  }

  MetricFamily {
    Objects.requireNonNull(name);
    if (help.isBlank() || !help.endsWith(".")) {
      throw new IllegalArgumentException(name + ": help must be a full sentence");
    }
    if (type == Type.COUNTER && !name.endsWith("_total")) {
      throw new IllegalArgumentException(name + ": a counter's name ends in _total");
    }
  }

  static MetricFamily counter(String name, String help) {
    return new MetricFamily(name, help, Type.COUNTER);
  }

  static MetricFamily gauge(String name, String help) {
    return new MetricFamily(name, help, Type.GAUGE);
  }

  static MetricFamily untyped(String name, String help) {
    return new MetricFamily(name, help, Type.UNTYPED);
  }
}
