package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.metrics.Renderer.Format;
import io.dockwatch.metrics.Renderer.Part;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingMetricsTest {

  @Test
  void families_openWaivedAndHostFindings_countsAllAndNamesOpenOnesPerContainer() {
    List<FindingGauge> findings =
        List.of(
            new FindingGauge("NET-3", "high", "open", "abc", "web"),
            new FindingGauge("NET-3", "high", "open", "abc", "web"),
            new FindingGauge("MNT-1", "high", "open", "def", "db"),
            new FindingGauge("LOG-1", "low", "waived", "abc", "web"),
            new FindingGauge("HOST-2", "medium", "open", "", ""));

    String text = Exposition.text(FindingMetrics.families(findings));

    assertThat(text)
        .isEqualTo(
            """
            # HELP dockwatch_container_finding An open finding about a container, always 1 while the finding is open.
            # TYPE dockwatch_container_finding gauge
            dockwatch_container_finding{id="/docker/abc",name="web",rule="NET-3",severity="high"} 1.0
            dockwatch_container_finding{id="/docker/def",name="db",rule="MNT-1",severity="high"} 1.0
            # HELP dockwatch_findings Findings by rule, severity and state.
            # TYPE dockwatch_findings gauge
            dockwatch_findings{rule="HOST-2",severity="medium",state="open"} 1.0
            dockwatch_findings{rule="LOG-1",severity="low",state="waived"} 1.0
            dockwatch_findings{rule="MNT-1",severity="high",state="open"} 1.0
            dockwatch_findings{rule="NET-3",severity="high",state="open"} 2.0
            """);
  }

  @Test
  void rendered_ledgerPublishedANewList_rendersItAndTheResolvedSeriesIsGone() {
    List<List<FindingGauge>> ledger =
        new ArrayList<>(List.of(List.of(new FindingGauge("NET-3", "high", "open", "abc", "web"))));
    FindingMetrics metrics = new FindingMetrics(() -> ledger.get(0), new Renderer());
    String before = metrics.rendered(Format.TEXT).toString();
    ledger.set(0, List.of());

    String after = metrics.rendered(Format.TEXT).toString();

    assertThat(before).contains("rule=\"NET-3\"");
    assertThat(after).isEmpty();
  }

  @Test
  void rendered_sameListScrapedAgain_servesTheSameRendering() {
    List<FindingGauge> published = List.of(new FindingGauge("NET-3", "high", "open", "abc", "web"));
    FindingMetrics metrics = new FindingMetrics(() -> published, new Renderer());
    Part first = metrics.rendered(Format.OPEN_METRICS);

    Part second = metrics.rendered(Format.OPEN_METRICS);

    assertThat(second).isSameAs(first);
    assertThat(metrics.rendered(Format.TEXT).toString()).doesNotContain("# EOF");
  }
}
