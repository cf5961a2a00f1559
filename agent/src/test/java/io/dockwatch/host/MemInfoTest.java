package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.host.MemInfo.Field;
import org.junit.jupiter.api.Test;

class MemInfoTest {

  @Test
  void parse_fieldsWithAndWithoutUnit_keepNamesAndUnits() {
    String text =
        """
        MemTotal:       24683792 kB
        Active(anon):         96 kB
        HugePages_Total:       0
        """;

    MemInfo info = MemInfo.parse(text);

    assertThat(info.fields())
        .containsExactly(
            new Field("MemTotal", 24683792, true),
            new Field("Active(anon)", 96, true),
            new Field("HugePages_Total", 0, false));
    assertThat(info.get("MemTotal")).contains(24683792 * 1024.0);
  }

  @Test
  void parse_lineThatIsNotANumber_isSkipped() {
    String text = "MemTotal: 100 kB\nBroken: n/a kB\n\nMemFree: 50 kB\n";

    MemInfo info = MemInfo.parse(text);

    assertThat(info.fields()).extracting(Field::name).containsExactly("MemTotal", "MemFree");
  }
}
