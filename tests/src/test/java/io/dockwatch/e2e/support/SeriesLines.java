package io.dockwatch.e2e.support;

import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Picks out of a text exposition the samples of one metric family that carry one label value, as a
 * query such as {@code container_memory_usage_bytes{name="web"}} would.
 */
public final class SeriesLines {
  private SeriesLines() {}

  /** The sample lines of {@code metric} whose label {@code label} is exactly {@code value}. */
  public static List<String> of(String body, String metric, String label, String value) {
    // Anchored on the delimiters, so that name="web" neither matches container_label_name="web"
    // nor name="web-2".
    Pattern match = Pattern.compile("[{,]" + label + "=\"" + Pattern.quote(value) + "\"[,}]");
    String prefix = metric + "{";
    return body.lines()
        .filter(line -> line.startsWith(prefix))
        .filter(line -> match.matcher(line).find())
        .toList();
  }

  /** The value of the first sample of {@code metric} with the label; empty when none exists. */
  public static OptionalDouble value(String body, String metric, String label, String value) {
    return of(body, metric, label, value).stream().mapToDouble(SeriesLines::valueOf).findFirst();
  }

  /** The value of one sample line: the word after the closing brace of its labels. */
  public static double valueOf(String line) {
    String afterLabels = line.substring(line.lastIndexOf('}') + 1).trim();
    return Double.parseDouble(afterLabels.split(" ")[0]);
  }
}
