package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentMetricsTest {

  @Test
  void exposition_afterSomeActivity_matchesGoldenText() {
    AgentMetrics metrics = new AgentMetrics("1.2.3", new MockClock());
    metrics.engineConnected(true);
    metrics.eventReceived("container");
    metrics.eventReceived("container");
    metrics.eventReceived("network");
    metrics.findingDelay(Duration.ofMillis(30));
    metrics.findingEmitted("open");
    metrics.deliveryBacklog("fluentd", 12);
    metrics.deliveryFailed("fluentd");
    metrics.collectionFailed("host");
    metrics.engineStatsCalled(AgentMetrics.StatsOutcome.ANSWERED);
    metrics.engineStatsLate(2);

    String text = Exposition.text(metrics.prometheusRegistry().scrape());

    assertThat(text)
        .isEqualTo(
            """
            # HELP dockwatch_build_info The agent's version, always 1.
            # TYPE dockwatch_build_info gauge
            dockwatch_build_info{version="1.2.3"} 1
            # HELP dockwatch_collection_errors_total Collection rounds that failed or could not read everything.
            # TYPE dockwatch_collection_errors_total counter
            dockwatch_collection_errors_total{collector="host"} 1.0
            # HELP dockwatch_delivery_backlog Records a sink holds that its peer has not acknowledged yet.
            # TYPE dockwatch_delivery_backlog gauge
            dockwatch_delivery_backlog{sink="fluentd"} 12.0
            # HELP dockwatch_delivery_failures_total Deliveries to a sink that failed and will be retried.
            # TYPE dockwatch_delivery_failures_total counter
            dockwatch_delivery_failures_total{sink="fluentd"} 1.0
            # HELP dockwatch_engine_connected Whether the agent follows the engine's event stream now (1) or not (0).
            # TYPE dockwatch_engine_connected gauge
            dockwatch_engine_connected 1.0
            # HELP dockwatch_engine_stats_calls_total Calls to the engine's stats endpoint, by how they ended.
            # TYPE dockwatch_engine_stats_calls_total counter
            dockwatch_engine_stats_calls_total{outcome="answered"} 1.0
            dockwatch_engine_stats_calls_total{outcome="failed"} 0.0
            dockwatch_engine_stats_calls_total{outcome="gone"} 0.0
            # HELP dockwatch_engine_stats_late_total Engine stats calls still under way when a collection round ended; their container kept its previous reading.
            # TYPE dockwatch_engine_stats_late_total counter
            dockwatch_engine_stats_late_total 2.0
            # HELP dockwatch_events_received_total Engine events received, by the engine's event type.
            # TYPE dockwatch_events_received_total counter
            dockwatch_events_received_total{type="container"} 2.0
            dockwatch_events_received_total{type="network"} 1.0
            # HELP dockwatch_finding_delay_seconds Time from an engine event to the evaluation of its container.
            # TYPE dockwatch_finding_delay_seconds histogram
            dockwatch_finding_delay_seconds_bucket{le="0.005"} 0
            dockwatch_finding_delay_seconds_bucket{le="0.01"} 0
            dockwatch_finding_delay_seconds_bucket{le="0.025"} 0
            dockwatch_finding_delay_seconds_bucket{le="0.05"} 1
            dockwatch_finding_delay_seconds_bucket{le="0.1"} 1
            dockwatch_finding_delay_seconds_bucket{le="0.25"} 1
            dockwatch_finding_delay_seconds_bucket{le="0.5"} 1
            dockwatch_finding_delay_seconds_bucket{le="1.0"} 1
            dockwatch_finding_delay_seconds_bucket{le="2.5"} 1
            dockwatch_finding_delay_seconds_bucket{le="5.0"} 1
            dockwatch_finding_delay_seconds_bucket{le="10.0"} 1
            dockwatch_finding_delay_seconds_bucket{le="30.0"} 1
            dockwatch_finding_delay_seconds_bucket{le="+Inf"} 1
            dockwatch_finding_delay_seconds_count 1
            dockwatch_finding_delay_seconds_sum 0.03
            # HELP dockwatch_finding_delay_seconds_max Time from an engine event to the evaluation of its container.
            # TYPE dockwatch_finding_delay_seconds_max gauge
            dockwatch_finding_delay_seconds_max 0.03
            # HELP dockwatch_findings_emitted_total Finding transitions emitted, by the finding's new state.
            # TYPE dockwatch_findings_emitted_total counter
            dockwatch_findings_emitted_total{state="open"} 1.0
            """);
  }

  @Test
  void timeCollection_roundThrows_countsAnErrorAndPassesTheExceptionOn() {
    AgentMetrics metrics = new AgentMetrics("1.2.3", new MockClock());

    try {
      metrics.timeCollection(
          "host",
          () -> {
            throw new IllegalStateException("defect");
          });
    } catch (IllegalStateException expected) {
      // the caller decides how to survive it
    }

    assertThat(Exposition.text(metrics.prometheusRegistry().scrape()))
        .contains("dockwatch_collection_errors_total{collector=\"host\"} 1.0");
  }
}
