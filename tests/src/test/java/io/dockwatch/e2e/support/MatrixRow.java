package io.dockwatch.e2e.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container of a conformance matrix: how it is made ({@code docker run -d} or, for what this
 * machine cannot or need not start, {@code docker create}) and the verdicts it should get where
 * they differ from the table's baseline. Immutable: each method returns a new row.
 *
 * @param started whether the container is started ({@code run}) or only created
 * @param options the {@code docker run} options, before the image
 * @param command the image's command; {@code sleep 3600} unless given
 * @param expected rule id to verdict, for the rules where this row departs from the baseline
 */
public record MatrixRow(
    String name,
    boolean started,
    List<String> options,
    String image,
    List<String> command,
    Map<String, Verdict> expected) {

  public MatrixRow {
    options = List.copyOf(options);
    command = List.copyOf(command);
    expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
  }

  /** {@code docker run -d --name NAME options local/busybox:1 sleep 3600}. */
  public static MatrixRow run(String name, String... options) {
    return new MatrixRow(name, true, List.of(options), Engine.IMAGE, sleep(), Map.of());
  }

  /** {@code docker create --name NAME options local/busybox:1 sleep 3600}: never started. */
  public static MatrixRow create(String name, String... options) {
    return new MatrixRow(name, false, List.of(options), Engine.IMAGE, sleep(), Map.of());
  }

  private static List<String> sleep() {
    return List.of("sleep", "3600");
  }

  /** The same row with more options, so that a long list can be written in pairs. */
  public MatrixRow with(String... more) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of(more));
    return new MatrixRow(name, started, all, image, command, expected);
  }

  /** The same row, running {@code argv} instead of {@code sleep 3600}. */
  public MatrixRow command(String... argv) {
    return new MatrixRow(name, started, options, image, List.of(argv), expected);
  }

  /** The same row, naming its image by {@code reference} (such as the image's id). */
  public MatrixRow image(String reference) {
    return new MatrixRow(name, started, options, reference, command, expected);
  }

  /** The same row, expecting {@code verdict} from {@code rule}. */
  public MatrixRow expect(String rule, Verdict verdict) {
    Map<String, Verdict> more = new LinkedHashMap<>(expected);
    more.put(rule, verdict);
    return new MatrixRow(name, started, options, image, command, more);
  }

  /** The same row, expecting {@code verdict} from each of {@code rules}. */
  public MatrixRow expect(Verdict verdict, String... rules) {
    MatrixRow row = this;
    for (String rule : rules) {
      row = row.expect(rule, verdict);
    }
    return row;
  }

  /** Every verdict of this row: the baseline, overridden where the row says otherwise. */
  public Map<String, Verdict> verdicts(Map<String, Verdict> baseline) {
    Map<String, Verdict> all = new LinkedHashMap<>(baseline);
    for (Map.Entry<String, Verdict> e : expected.entrySet()) {
      if (!all.containsKey(e.getKey())) {
        throw new IllegalArgumentException(name + ": " + e.getKey() + " is not in the baseline");
      }
      all.put(e.getKey(), e.getValue());
    }
    return all;
  }

  /** Makes the container on {@code engine}, labelled for removal after the test. */
  public void make(Engine engine) {
    List<String> argv = new ArrayList<>(List.of("--name", name));
    argv.addAll(options);
    argv.add(image);
    argv.addAll(command);
    if (started) {
      engine.run(argv.toArray(String[]::new));
    } else {
      List<String> create = new ArrayList<>(List.of("create", "--label", Engine.TEST_LABEL));
      create.addAll(argv);
      engine.docker(create.toArray(String[]::new));
    }
  }
}
