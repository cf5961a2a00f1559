package io.dockwatch.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Arrays;
import java.util.List;

/** Renders snapshots in the text format, for assertions on series lines. */
final class Exposition {
  private Exposition() {}

  static String text(MetricSnapshots snapshots) {
    return ExpositionFormats.init().getPrometheusTextFormatWriter().toDebugString(snapshots);
  }

  static String text(Families families) {
    return text(families.build());
  }

  static List<String> series(Families families, String family) {
    return series(families.build(), family);
  }

  /** The sample lines of one family, without its HELP and TYPE lines. */
  static List<String> series(MetricSnapshots snapshots, String family) {
    return Arrays.stream(text(snapshots).split("\n"))
        .filter(line -> line.startsWith(family + "{") || line.startsWith(family + " "))
        .toList();
  }
}
