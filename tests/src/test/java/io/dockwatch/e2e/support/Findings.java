package io.dockwatch.e2e.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finding records as the fault tests count them, whether a forward peer received them or the agent
 * printed them on stdout. A transition is told apart by its fingerprint and state; a copy of one
 * record, sent again after a lost acknowledgement, by its {@code record_id}.
 */
public final class Findings {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

  private Findings() {}

  /** The agent's stdout, one JSON record per line, as entries tagged {@code stdout}. */
  public static List<ForwardEntry> fromStdout(List<String> lines) {
    List<ForwardEntry> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      try {
        Map<String, Object> fields = JSON.readValue(line, FIELDS);
        out.add(new ForwardEntry("stdout", Instant.parse((String) fields.get("time")), fields));
      } catch (JsonProcessingException e) {
        throw new AssertionError("the agent printed a line that is not JSON: " + line, e);
      }
    }
    return out;
  }

  /** Records of {@code rule} about the container {@code name} in {@code state}. */
  public static Predicate<ForwardEntry> of(String rule, String name, String state) {
    return e ->
        rule.equals(e.field("rule")) && name.equals(e.field("container_name")) && in(e, state);
  }

  /** Records of the container {@code name} in {@code state}, whatever the rule. */
  public static Predicate<ForwardEntry> about(String name, String state) {
    return e -> name.equals(e.field("container_name")) && in(e, state);
  }

  private static boolean in(ForwardEntry e, String state) {
    return state.equals(e.field("state"));
  }

  /** {@code fingerprint state}: what one transition is, however often it was delivered. */
  public static String transition(ForwardEntry e) {
    return e.field("fingerprint") + " " + e.field("state");
  }

  /** The distinct transitions among {@code entries}. */
  public static Set<String> transitions(Collection<ForwardEntry> entries) {
    return entries.stream()
        .map(Findings::transition)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The fingerprints of the entries that match. */
  public static Set<String> fingerprints(
      Collection<ForwardEntry> entries, Predicate<ForwardEntry> match) {
    return entries.stream()
        .filter(match)
        .map(e -> e.field("fingerprint"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** How many entries carry each {@code record_id}: more than one is a copy sent again. */
  public static Map<String, Long> countByRecordId(Collection<ForwardEntry> entries) {
    return entries.stream()
        .collect(
            Collectors.groupingBy(e -> e.field("record_id"), TreeMap::new, Collectors.counting()));
  }

  /**
   * Fingerprints opened more than once by distinct records: a duplicate {@code open}, not a copy.
   * Records without a {@code record_id} (stdout) are distinct each.
   */
  public static Set<String> openedTwice(Collection<ForwardEntry> entries) {
    Map<String, Set<Object>> opens = new TreeMap<>();
    int line = 0;
    for (ForwardEntry e : entries) {
      line++;
      if (in(e, "open") && "opened".equals(e.field("event"))) {
        Object id = e.field("record_id") != null ? e.field("record_id") : line;
        opens.computeIfAbsent(e.field("fingerprint"), k -> new HashSet<>()).add(id);
      }
    }
    opens.values().removeIf(ids -> ids.size() < 2);
    return opens.keySet();
  }
}
