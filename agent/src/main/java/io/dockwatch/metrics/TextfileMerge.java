package io.dockwatch.metrics;

import io.dockwatch.metrics.MetricFamily.Type;
import io.dockwatch.metrics.TextFormatParser.Family;
import io.dockwatch.metrics.TextFormatParser.Sample;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The families of several text files, made into families the exposition can carry beside the
 * agent's own. Files are offered one by one, in name order; one that contradicts the agent or an
 * earlier file is refused whole, so that what is served never depends on half a file.
 *
 * <p>The Prometheus model writes a counter under its name plus {@code _total}, and has no way to
 * write a histogram or summary whose parts do not add up. So a counter whose name lacks {@code
 * _total}, and each part ({@code _bucket}, {@code _sum}, {@code _count}, the quantiles) of a
 * histogram or summary, is served as an untyped family of the sample's own name: the series and
 * values are those of the file, only the {@code # TYPE} line differs from node_exporter's.
 */
final class TextfileMerge {
  /** A file taken, and when it was last modified. */
  record Accepted(String path, long mtimeSeconds) {}

  private final Predicate<String> taken;
  private final Map<String, Merged> byName = new LinkedHashMap<>();
  private final Set<String> modelNames = new HashSet<>();
  private final List<Accepted> accepted = new ArrayList<>();

  /**
   * @param taken whether the agent exports a family of this name itself
   */
  TextfileMerge(Predicate<String> taken) {
    this.taken = taken;
  }

  /** Takes the file's families, or says why not; a refused file changes nothing. */
  Optional<String> offer(String path, long mtimeSeconds, List<Family> families) {
    Map<String, Merged> added = new LinkedHashMap<>();
    for (Family f : families) {
      for (Sample s : f.samples()) {
        MetricFamily served = served(f, s);
        Merged m = byName.get(served.name());
        Merged mine = added.get(served.name());
        if (mine == null) {
          Optional<String> problem = check(f, served, m, added);
          if (problem.isPresent()) {
            return problem;
          }
          mine = new Merged(served, f);
          added.put(served.name(), mine);
        }
        Map<String, String> series = series(s.labels());
        if ((m != null && m.series.contains(series)) || !mine.series.add(series)) {
          return Optional.of("series " + s.name() + s.labels() + " appears twice");
        }
        mine.samples.add(s);
      }
    }
    for (Merged mine : added.values()) {
      byName.merge(mine.family.name(), mine.from(path), (old, add) -> old.absorb(add));
      modelNames.addAll(mine.family.modelNames());
    }
    accepted.add(new Accepted(path, mtimeSeconds));
    return Optional.empty();
  }

  List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  /**
   * Adds the families taken, each series with every label name its family has (empty where a file
   * left it out, as node_exporter fills them).
   */
  void addTo(Families out) {
    for (Merged m : byName.values()) {
      // node_exporter's words, without a full stop, so that the help reads the same in both.
      String help = m.help != null ? m.help : "Metric read from " + String.join(", ", m.files);
      MetricFamily family = MetricFamily.declared(m.family.name(), help, m.family.type());
      Set<String> names = new TreeSet<>();
      m.samples.forEach(s -> names.addAll(s.labels().keySet()));
      String[] labelNames = names.toArray(String[]::new);
      for (Sample s : m.samples) {
        String[] values = new String[labelNames.length];
        for (int i = 0; i < values.length; i++) {
          values[i] = s.labels().getOrDefault(labelNames[i], "");
        }
        out.add(family, Labels.of(labelNames, values), s.value());
      }
    }
  }

  private Optional<String> check(
      Family f, MetricFamily served, Merged earlier, Map<String, Merged> added) {
    String name = served.name();
    for (String n : served.modelNames()) {
      if (taken.test(n)) {
        return Optional.of("family " + name + " is one the agent exports itself");
      }
    }
    if (earlier != null) {
      if (!earlier.declaredAs.equals(declaration(f))) {
        return Optional.of(
            name
                + " is "
                + declaration(f)
                + " here but "
                + earlier.declaredAs
                + " in "
                + earlier.files.get(0));
      }
      if (f.help() != null && earlier.help != null && !f.help().equals(earlier.help)) {
        return Optional.of(name + " has another help text than in " + earlier.files.get(0));
      }
      return Optional.empty();
    }
    for (String n : served.modelNames()) {
      boolean inFile =
          added.values().stream().anyMatch(other -> other.family.modelNames().contains(n));
      if (modelNames.contains(n) || inFile) {
        return Optional.of("family " + name + " clashes with another family named " + n);
      }
    }
    return Optional.empty();
  }

  /** The family a sample is served in: see the class comment. */
  static MetricFamily served(Family f, Sample s) {
    String help = f.help() == null ? "" : f.help();
    Type type =
        switch (f.type()) {
          case COUNTER -> s.name().endsWith("_total") ? Type.COUNTER : Type.UNTYPED;
          case GAUGE -> Type.GAUGE;
          case UNTYPED, HISTOGRAM, SUMMARY -> Type.UNTYPED;
        };
    return MetricFamily.declared(s.name(), help, type);
  }

  private static String declaration(Family f) {
    return f.type().name().toLowerCase(Locale.ROOT) + " " + f.name();
  }

  /** A series' identity: an empty label is the same as none. */
  private static Map<String, String> series(Map<String, String> labels) {
    Map<String, String> out = new HashMap<>(labels);
    out.values().removeIf(String::isEmpty);
    return out;
  }

  /** One served family, as merged from the files taken so far. */
  private static final class Merged {
    private final MetricFamily family;
    private final String declaredAs;
    private final List<Sample> samples = new ArrayList<>();
    private final Set<Map<String, String>> series = new HashSet<>();
    private final List<String> files = new ArrayList<>();
    private String help;

    Merged(MetricFamily family, Family declaredBy) {
      this.family = family;
      this.declaredAs = declaration(declaredBy);
      this.help = declaredBy.help();
    }

    Merged from(String path) {
      files.add(path);
      return this;
    }

    Merged absorb(Merged later) {
      samples.addAll(later.samples);
      series.addAll(later.series);
      files.addAll(later.files);
      if (help == null) {
        help = later.help;
      }
      return this;
    }
  }
}
