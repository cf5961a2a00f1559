package io.dockwatch.e2e.support;

import java.util.OptionalDouble;

/** Reads single values out of a Prometheus text exposition, as a scraper would. */
public final class Exposition {
  private Exposition() {}

  /**
   * The value of the series written exactly as {@code series}, such as {@code
   * dockwatch_events_received_total{type="container"}}; empty when the body has no such series.
   */
  public static OptionalDouble value(String body, String series) {
    String prefix = series + " ";
    return body.lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).split(" ")[0]))
        .findFirst();
  }
}
