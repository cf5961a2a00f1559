package io.dockwatch.e2e.support;

import java.util.List;
import java.util.Locale;

/**
 * One rule's verdict on one subject: as a conformance table expects it, or as the agent reached it.
 * A failure counts its violations (one finding each); where the table knows what tells them apart
 * (a port, a mount's destination, a driver) it names those details, and where it cannot (an
 * ephemeral port, an anonymous volume) it only counts them.
 *
 * @param details the violations' details, sorted; empty when only counted
 * @param failures how many violations; 0 unless failed
 */
public record Verdict(Status status, List<String> details, int failures) {
  /** The three outcomes of a check; a waived failure is still a failure here. */
  public enum Status {
    PASS,
    FAIL,
    INFO;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final Verdict PASS = new Verdict(Status.PASS, List.of(), 0);
  public static final Verdict INFO = new Verdict(Status.INFO, List.of(), 0);

  /** Failed once, whatever the violation's detail. */
  public static final Verdict FAIL = new Verdict(Status.FAIL, List.of(), 1);

  public Verdict {
    details = details.stream().sorted().toList();
    if ((status == Status.FAIL) != (failures > 0)) {
      throw new IllegalArgumentException(status + " with " + failures + " violations");
    }
  }

  /** Failed once for each detail: {@code fail("8080/tcp", "990/tcp")}. */
  public static Verdict fail(String... details) {
    return new Verdict(Status.FAIL, List.of(details), details.length);
  }

  /** Failed {@code n} times, with details the table cannot know in advance. */
  public static Verdict failTimes(int n) {
    return new Verdict(Status.FAIL, List.of(), n);
  }

  /**
   * What a report said: a status and, for a failure, each violation's detail (empty for a rule that
   * fails in one way only, which tells nothing apart).
   */
  public static Verdict seen(Status status, List<String> details) {
    if (status != Status.FAIL) {
      return new Verdict(status, List.of(), 0);
    }
    List<String> named = details.stream().filter(d -> !d.isEmpty()).toList();
    return new Verdict(status, named, details.size());
  }

  /**
   * This verdict in the terms {@code expected} is written in, so that two renderings compare equal
   * exactly when the verdicts agree as far as the table says: {@code pass}, {@code info}, {@code
   * fail}, {@code fail x3} or {@code fail[443/tcp, 80/tcp]}.
   */
  public String shownAs(Verdict expected) {
    if (status != Status.FAIL) {
      return status.label();
    }
    boolean byDetail = expected.status != Status.FAIL || !expected.details.isEmpty();
    if (byDetail) {
      return "fail" + details;
    }
    return failures == 1 ? "fail" : "fail x" + failures;
  }

  @Override
  public String toString() {
    return shownAs(this);
  }
}
