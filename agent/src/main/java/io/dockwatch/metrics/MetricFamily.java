package io.dockwatch.metrics;

import java.util.Objects;
import java.util.Set;

/**
 * The name, help and type of one metric family. Counter names carry their {@code _total} suffix, so
 * that the constant reads as the series does in a query. The agent's own families have a full
 * sentence as help; families read from text files keep the help their file gives.
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
    Objects.requireNonNull(help);
    Objects.requireNonNull(type);
    if (type == Type.COUNTER && !name.endsWith("_total")) {
      throw new IllegalArgumentException(name + ": a counter's name ends in _total");
    }
  }

  static MetricFamily counter(String name, String help) {
    return new MetricFamily(name, sentence(name, help), Type.COUNTER);
  }

  static MetricFamily gauge(String name, String help) {
    return new MetricFamily(name, sentence(name, help), Type.GAUGE);
  }

  static MetricFamily untyped(String name, String help) {
    return new MetricFamily(name, sentence(name, help), Type.UNTYPED);
  }

  /** A family declared by a text file of the operator's, whose help is the file's own words. */
  static MetricFamily declared(String name, String help, Type type) {
    return new MetricFamily(name, help, type);
  }

  /**
   * The names a family takes in the Prometheus model: its own, and for a counter also the name
   * without {@code _total} that the model stores it under. Two families may share none of them.
   */
  Set<String> modelNames() {
    return type == Type.COUNTER
        ? Set.of(name, name.substring(0, name.length() - "_total".length()))
        : Set.of(name);
  }

  private static String sentence(String name, String help) {
    if (help.isBlank() || !help.endsWith(".")) {
      throw new IllegalArgumentException(name + ": help must be a full sentence");
    }
    return help;
  }
}
