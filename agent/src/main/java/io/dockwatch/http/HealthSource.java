package io.dockwatch.http;

import java.util.List;

/** What {@code GET /healthz} reports. */
public interface HealthSource {

  /** The agent's health now: healthy, or the reasons it is not. */
  Health health();

  /** Healthy when {@code problems} is empty; each problem is one short sentence. */
  record Health(List<String> problems) {
    public Health {
      problems = List.copyOf(problems);
    }

    public boolean healthy() {
      return problems.isEmpty();
    }
  }
}
