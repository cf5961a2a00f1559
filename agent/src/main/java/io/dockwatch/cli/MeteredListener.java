package io.dockwatch.cli;

import io.dockwatch.findings.Finding;
import io.dockwatch.metrics.AgentMetrics;
import io.dockwatch.metrics.FindingGauge;
import io.dockwatch.runtime.AgentListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns what the event loop reports into the agent's meters, and keeps the standing findings for
 * the findings gauges and the engine's version, which a scrape reads from another thread.
 */
final class MeteredListener implements AgentListener {
  private final AgentMetrics metrics;
  private final AtomicReference<List<FindingGauge>> standing = new AtomicReference<>(List.of());
  private final AtomicReference<String> engineVersion = new AtomicReference<>("");

  MeteredListener(AgentMetrics metrics) {
    this.metrics = metrics;
  }

  /** The standing findings as of the last change; safe from any thread. */
  List<FindingGauge> findingGauges() {
    return standing.get();
  }

  /** The engine's version as of the last connection, empty before the first; from any thread. */
  String engineVersion() {
    return engineVersion.get();
  }

  @Override
  public void engineConnected(boolean connected) {
    metrics.engineConnected(connected);
  }

  @Override
  public void engineVersion(String version) {
    engineVersion.set(version);
  }

  @Override
  public void eventReceived(String type, String action) {
    metrics.eventReceived(type);
  }

  @Override
  public void eventEvaluated(Duration delay) {
    metrics.findingDelay(delay);
  }

  @Override
  public void findingEmitted(String event, String severity) {
    metrics.findingEmitted(event);
  }

  @Override
  public void standing(List<Finding> findings) {
    List<FindingGauge> now =
        findings.stream()
            .map(
                f ->
                    new FindingGauge(
                        f.rule().id(),
                        f.rule().severity().label(),
                        f.state().label(),
                        f.subject().containerId(),
                        f.subject().containerName()))
            .toList();
    // An unchanged list keeps its identity, so that the findings gauges are not rendered again.
    if (!now.equals(standing.get())) {
      standing.set(now);
    }
  }
}
