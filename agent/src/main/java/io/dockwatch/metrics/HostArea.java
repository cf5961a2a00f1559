package io.dockwatch.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One area of the host's metrics (CPU, memory, file systems…), in parts that each read their files
 * and add what they found to a sample. A file the machine cannot give leaves its families out and
 * marks its part as not answered; it is not an error.
 */
interface HostArea {

  /** The parts, in the order they are collected. */
  List<Part> parts();

  /**
   * One part of an area, named as node_exporter names the collector of the same families, so that
   * {@code node_scrape_collector_success{collector}} means the same for both.
   */
  record Part(String collector, Collect collect) {
    public Part {
      Objects.requireNonNull(collector);
      Objects.requireNonNull(collect);
    }
  }

  /** Reads and adds to {@code out}; false when the machine did not answer all that it asked. */
  @FunctionalInterface
  interface Collect {
    boolean into(Families out);
  }

  /** Hands {@code value} to {@code add} when the machine gave it; says whether it did. */
  static <T> boolean whenPresent(Optional<T> value, Consumer<T> add) {
    value.ifPresent(add);
    return value.isPresent();
  }
}
