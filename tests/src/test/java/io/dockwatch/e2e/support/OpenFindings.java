package io.dockwatch.e2e.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a running agent holds open, as a forward-protocol peer learns them: every record of
 * one fingerprint replaces the one before, and those whose last record says {@code open} are open.
 * Subjects are named as the audit names them: a container by its name, the host by {@code host}.
 */
public final class OpenFindings {
  /** The tag the agent forwards findings under. */
  public static final String TAG = "dockwatch.finding";

  /** The subject name of the host's findings. */
  public static final String HOST = "host";

  private final Map<String, ForwardEntry> open;

  private OpenFindings(Map<String, ForwardEntry> open) {
    this.open = open;
  }

  /** Folds the entries, in arrival order; entries of other tags are skipped. */
  public static OpenFindings of(List<ForwardEntry> entries) {
    Map<String, ForwardEntry> last = new LinkedHashMap<>();
    for (ForwardEntry e : entries) {
      if (TAG.equals(e.tag())) {
        last.put(e.field("fingerprint"), e);
      }
    }
    last.values().removeIf(e -> !"open".equals(e.field("state")));
    return new OpenFindings(last);
  }

  /** Whether {@code e} is a finding record about {@code subject} in state {@code state}. */
  public static boolean about(ForwardEntry e, String subject, String state) {
    return TAG.equals(e.tag()) && subject.equals(subjectOf(e)) && state.equals(e.field("state"));
  }

  /** The open findings of one rule on one subject. */
  public List<ForwardEntry> of(String subject, String rule) {
    List<ForwardEntry> out = new ArrayList<>();
    for (ForwardEntry e : open.values()) {
      if (subject.equals(subjectOf(e)) && rule.equals(e.field("rule"))) {
        out.add(e);
      }
    }
    return out;
  }

  /** How many findings are open for each rule on the subject; rules with none are absent. */
  public Map<String, Integer> counts(String subject) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (ForwardEntry e : open.values()) {
      if (subject.equals(subjectOf(e))) {
        out.merge(e.field("rule"), 1, Integer::sum);
      }
    }
    return out;
  }

  private static String subjectOf(ForwardEntry e) {
    return HOST.equals(e.field("subject")) ? HOST : e.field("container_name");
  }
}
