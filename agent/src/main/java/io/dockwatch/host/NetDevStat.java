package io.dockwatch.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One interface's counters from {@code /proc/net/dev} (the host's, or a process's network namespace
 * through {@code /proc/<pid>/net/dev}), keyed by the column names of the file's header.
 */
public record NetDevStat(String device, Map<String, Long> receive, Map<String, Long> transmit) {

  /** The receive columns, in the file's order. */
  public static final List<String> RECEIVE =
      List.of("bytes", "packets", "errs", "drop", "fifo", "frame", "compressed", "multicast");

  /** The transmit columns, in the file's order. */
  public static final List<String> TRANSMIT =
      List.of("bytes", "packets", "errs", "drop", "fifo", "colls", "carrier", "compressed");

  public NetDevStat {
    receive = Map.copyOf(receive);
    transmit = Map.copyOf(transmit);
  }

  /** The interfaces whose names {@code wanted} accepts; the others are not even split. */
  static List<NetDevStat> parse(String text, Predicate<String> wanted) {
    List<NetDevStat> out = new ArrayList<>();
    for (String line : Text.lines(text)) {
      int colon = line.indexOf(':');
      if (colon <= 0 || line.contains("|")) {
        continue; // the two header lines
      }
      String device = line.substring(0, colon).strip();
      if (!wanted.test(device)) {
        continue;
      }
      String[] f = Text.fields(line.substring(colon + 1));
      if (f.length < RECEIVE.size() + TRANSMIT.size()) {
        continue;
      }
      out.add(new NetDevStat(device, columns(RECEIVE, f, 0), columns(TRANSMIT, f, RECEIVE.size())));
    }
    return out;
  }

  private static Map<String, Long> columns(List<String> names, String[] f, int offset) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), Text.longOr(f[offset + i], 0));
    }
    return out;
  }
}
