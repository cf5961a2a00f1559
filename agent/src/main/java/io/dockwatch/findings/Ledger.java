package io.dockwatch.findings;

import io.dockwatch.policy.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings that stand now, by subject, and the transitions that change them. Not thread safe:
 * one event loop owns it. Every transition is reported exactly once; an unchanged finding produces
 * nothing until it is due for re-statement.
 */
public final class Ledger {
  private final String host;
  private final Map<String, Map<String, Finding>> active = new HashMap<>();

  public Ledger(String host) {
    this.host = host;
  }

  /**
   * Replaces what is known of one subject with the verdicts of a fresh evaluation.
   *
   * @return the transitions: new findings opened or waived, waived ones reopened after their
   *     exception expired, and findings whose cause is gone resolved as {@code fixed}
   */
  public List<Transition> reconcile(SubjectRef subject, List<Verdict> verdicts, Instant now) {
    Map<String, Finding> before = active.getOrDefault(subject.key(), Map.of());
    Map<String, Finding> after = new LinkedHashMap<>();
    List<Transition> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      String fp = Fingerprints.of(host, v.rule().id(), subject.key(), v.violation().detail());
      if (after.containsKey(fp)) {
        continue;
      }
      FindingState state = v.waiver().isPresent() ? FindingState.WAIVED : FindingState.OPEN;
      Finding old = before.get(fp);
      if (old == null) {
        Finding f =
            new Finding(v.rule(), subject, v.violation(), state, v.waiver(), fp, now, now, now);
        after.put(fp, f);
        out.add(new Transition(f, kindOf(state), ""));
      } else if (old.state() != state) {
        Finding f = old.with(v.rule(), subject, v.violation(), state, v.waiver(), now).stated(now);
        after.put(fp, f);
        out.add(new Transition(f, kindOf(state), ""));
      } else {
        after.put(fp, old.with(v.rule(), subject, v.violation(), state, v.waiver(), now));
      }
    }
    for (Finding old : before.values()) {
      if (!after.containsKey(old.fingerprint())) {
        out.add(resolved(old, now, "fixed"));
      }
    }
    if (after.isEmpty()) {
      active.remove(subject.key());
    } else {
      active.put(subject.key(), after);
    }
    return out;
  }

  /** The subject is gone: every finding of it resolves as {@code removed}. */
  public List<Transition> remove(String subjectKey, Instant now) {
    Map<String, Finding> before = active.remove(subjectKey);
    if (before == null) {
      return List.of();
    }
    List<Transition> out = new ArrayList<>();
    for (Finding f : before.values()) {
      out.add(resolved(f, now, "removed"));
    }
    return out;
  }

  /** Open and waived findings not stated for {@code every}, stated again now. */
  public List<Transition> restate(Instant now, Duration every) {
    List<Transition> out = new ArrayList<>();
    for (Map<String, Finding> bySubject : active.values()) {
      for (Map.Entry<String, Finding> e : bySubject.entrySet()) {
        Finding f = e.getValue();
        if (!f.lastStated().plus(every).isAfter(now)) {
          Finding stated = f.stated(now);
          e.setValue(stated);
          out.add(new Transition(stated, Transition.Kind.RESTATED, ""));
        }
      }
    }
    return out;
  }

  /** Subject keys with standing findings, for resolving those whose container vanished. */
  public Collection<String> subjects() {
    return List.copyOf(active.keySet());
  }

  /** Every standing finding, for metrics and persistence. */
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    active.values().forEach(m -> out.addAll(m.values()));
    return out;
  }

  /** Puts back findings persisted by an earlier run, so that they do not open twice. */
  public void restore(Collection<Finding> findings) {
    for (Finding f : findings) {
      active.computeIfAbsent(f.subject().key(), k -> new LinkedHashMap<>()).put(f.fingerprint(), f);
    }
  }

  private static Transition resolved(Finding f, Instant now, String why) {
    Finding r =
        new Finding(
            f.rule(),
            f.subject(),
            f.violation(),
            FindingState.RESOLVED,
            f.waiver(),
            f.fingerprint(),
            f.firstSeen(),
            now,
            now);
    return new Transition(r, Transition.Kind.RESOLVED, why);
  }

  private static Transition.Kind kindOf(FindingState state) {
    return state == FindingState.WAIVED ? Transition.Kind.WAIVED : Transition.Kind.OPENED;
  }
}
