package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.host.MemInfo.Field;
import org.junit.jupiter.api.Test;

class MemoryMetricsTest {

  @Test
  void memoryFamily_parenthesizedKey_isNamedAsNodeExporterNamesIt() {
    MetricFamily family = MemoryMetrics.memoryFamily(new Field("Active(anon)", 96, true));

    assertThat(family.name()).isEqualTo("node_memory_Active_anon_bytes");
    assertThat(family.type()).isEqualTo(MetricFamily.Type.GAUGE);
  }

  @Test
  void memoryFamily_keyWithoutUnit_hasNoBytesSuffix() {
    MetricFamily family = MemoryMetrics.memoryFamily(new Field("HugePages_Total", 0, false));

    assertThat(family.name()).isEqualTo("node_memory_HugePages_Total");
  }

  @Test
  void memoryFamily_keyEndingInLowerCaseTotal_isACounter() {
    MetricFamily family = MemoryMetrics.memoryFamily(new Field("Reclaim_total", 5, false));

    assertThat(family.type()).isEqualTo(MetricFamily.Type.COUNTER);
  }
}
