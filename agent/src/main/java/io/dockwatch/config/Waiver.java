package io.dockwatch.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An exception to the policy, owned by the host's configuration: the findings of {@code rules} on
 * the containers the selector picks are recorded as {@code waived} until {@code expires}
 * (inclusive), then open again. A rule id ending in {@code .*} covers a whole area.
 */
public record Waiver(List<String> rules, Selector selector, Optional<LocalDate> expires) {

  public Waiver {
    rules = List.copyOf(rules);
  }

  public boolean coversRule(String rule) {
    for (String r : rules) {
      if (r.equals(rule) || r.equals("*")) {
        return true;
      }
      if (r.endsWith(".*") && rule.startsWith(r.substring(0, r.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  public boolean activeOn(LocalDate day) {
    return expires.map(e -> !day.isAfter(e)).orElse(true);
  }
}
