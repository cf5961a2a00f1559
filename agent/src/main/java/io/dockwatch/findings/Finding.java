package io.dockwatch.findings;

import io.dockwatch.config.Waiver;
import io.dockwatch.policy.RuleInfo;
import io.dockwatch.policy.Violation;
import java.time.Instant;
import java.util.Optional;

/**
 * A fact about one subject and one rule, as the ledger tracks it. Immutable: every change in the
 * ledger makes a new one.
 *
 * @param fingerprint stable across restarts of either the agent or the engine: the same cause on
 *     the same subject has the same fingerprint
 * @param lastStated when a record of it last went out; drives re-statement
 */
public record Finding(
    RuleInfo rule,
    SubjectRef subject,
    Violation violation,
    FindingState state,
    Optional<Waiver> waiver,
    String fingerprint,
    Instant firstSeen,
    Instant lastSeen,
    Instant lastStated) {

  Finding seen(Instant now) {
    return new Finding(
        rule, subject, violation, state, waiver, fingerprint, firstSeen, now, lastStated);
  }

  Finding stated(Instant now) {
    return new Finding(rule, subject, violation, state, waiver, fingerprint, firstSeen, now, now);
  }

  Finding with(
      RuleInfo r, SubjectRef s, Violation v, FindingState st, Optional<Waiver> w, Instant now) {
    return new Finding(r, s, v, st, w, fingerprint, firstSeen, now, lastStated);
  }
}
