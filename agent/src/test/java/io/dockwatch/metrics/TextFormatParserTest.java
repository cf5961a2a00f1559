package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwatch.metrics.TextFormatParser.Family;
import io.dockwatch.metrics.TextFormatParser.ParseException;
import io.dockwatch.metrics.TextFormatParser.Sample;
import io.dockwatch.metrics.TextFormatParser.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFormatParserTest {

  @Test
  void parse_typedFamilyWithHelpAndLabels_givesItsSamples() throws ParseException {
    String text =
        """
        # HELP backup_last_success_seconds When the backup last succeeded.
        # TYPE backup_last_success_seconds gauge
        backup_last_success_seconds{job="db",host="a"} 1.7e9
        backup_last_success_seconds{job="web"} 1700000001
        """;

    List<Family> families = TextFormatParser.parse(text);

    assertThat(families)
        .containsExactly(
            new Family(
                "backup_last_success_seconds",
                "When the backup last succeeded.",
                Type.GAUGE,
                List.of(
                    new Sample(
                        "backup_last_success_seconds", Map.of("job", "db", "host", "a"), 1.7e9),
                    new Sample(
                        "backup_last_success_seconds", Map.of("job", "web"), 1.700000001e9))));
  }

  @Test
  void parse_sampleWithoutTypeLine_isAnUntypedFamilyWithoutHelp() throws ParseException {
    List<Family> families = TextFormatParser.parse("jobs_run 3\n");

    assertThat(families)
        .containsExactly(
            new Family(
                "jobs_run", null, Type.UNTYPED, List.of(new Sample("jobs_run", Map.of(), 3))));
  }

  @Test
  void parse_blanksCommentsAndEmptyLines_areSkipped() throws ParseException {
    String text = "\n  # a comment\n#\n# HELP x\n\t x  {  a = \"b\" , }  4\n";

    List<Family> families = TextFormatParser.parse(text);

    assertThat(families)
        .containsExactly(
            new Family("x", null, Type.UNTYPED, List.of(new Sample("x", Map.of("a", "b"), 4))));
  }

  @Test
  void parse_escapesInHelpAndLabelValues_areUnescaped() throws ParseException {
    String text = "# HELP x A \\\\ and a\\nline.\nx{path=\"C:\\\\dir\\\"q\\\"\\n\"} 1\n";

    Family family = TextFormatParser.parse(text).get(0);

    assertThat(family.help()).isEqualTo("A \\ and a\nline.");
    assertThat(family.samples().get(0).labels()).containsEntry("path", "C:\\dir\"q\"\n");
  }

  @Test
  void parse_specialValues_areInfinitiesAndNan() throws ParseException {
    String text = "a +Inf\nb -inf\nc NaN\nd .5\ne -1E-3\n";

    List<Double> values =
        TextFormatParser.parse(text).stream().map(f -> f.samples().get(0).value()).toList();

    assertThat(values)
        .containsExactly(
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.5, -0.001);
  }

  @Test
  void parse_histogram_groupsBucketsSumAndCountUnderItsName() throws ParseException {
    String text =
        """
        # TYPE lat histogram
        lat_bucket{le="0.5"} 1
        lat_bucket{le="+Inf"} 2
        lat_sum 0.7
        lat_count 2
        """;

    Family family = TextFormatParser.parse(text).get(0);

    assertThat(family.name()).isEqualTo("lat");
    assertThat(family.type()).isEqualTo(Type.HISTOGRAM);
    assertThat(family.samples())
        .extracting(Sample::name)
        .containsExactly("lat_bucket", "lat_bucket", "lat_sum", "lat_count");
  }

  @Test
  void parse_summary_groupsQuantilesSumAndCountUnderItsName() throws ParseException {
    String text = "# TYPE rpc summary\nrpc{quantile=\"0.9\"} 3\nrpc_sum 10\nrpc_count 4\n";

    Family family = TextFormatParser.parse(text).get(0);

    assertThat(family.samples())
        .extracting(Sample::name)
        .containsExactly("rpc", "rpc_sum", "rpc_count");
  }

  @Test
  void parse_typeLineWithoutSamples_leavesTheFamilyOut() throws ParseException {
    List<Family> families = TextFormatParser.parse("# HELP lonely Nothing.\n# TYPE lonely gauge\n");

    assertThat(families).isEmpty();
  }

  @Test
  void parse_familySplitByAnother_isOneFamily() throws ParseException {
    List<Family> families = TextFormatParser.parse("a{x=\"1\"} 1\nb 2\na{x=\"2\"} 3\n");

    assertThat(families).extracting(Family::name).containsExactly("a", "b");
    assertThat(families.get(0).samples()).hasSize(2);
  }

  @Test
  void parse_emptyText_hasNoFamilies() throws ParseException {
    assertThat(TextFormatParser.parse("")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          no final newline          | a 1                                      | line 1: the last line does not end in a newline
          timestamp                 | a 1 1700000000000\\n                      | line 1: client-side timestamps are not supported
          bad timestamp             | a 1 soon\\n                               | line 1: expected an integer timestamp, got "soon"
          blank after value         | a 1 \\n                                   | line 1: expected an integer timestamp, got ""
          text after timestamp      | a 1 2 x\\n                                | line 1: spurious text after the timestamp
          no value                  | a\\n                                      | line 1: expected a number as the value, got ""
          bad value                 | a 0x10\\n                                 | line 1: expected a number as the value, got "0x10"
          name starts with digit    | 1a 1\\n                                   | line 1: invalid metric name
          name with a dash          | a-b 1\\n                                  | line 1: expected a number as the value, got "-b"
          label with a dot          | a{b.c="1"} 1\\n                           | line 1: expected '=' after label name b
          reserved label            | a{__name__="b"} 1\\n                      | line 1: label name __name__ is reserved
          duplicate label           | a{b="1",b="2"} 1\\n                       | line 1: duplicate label b for a
          unquoted label value      | a{b=1} 1\\n                               | line 1: expected '"' at start of the value of label b
          unterminated label value  | a{b="1} 1\\n                              | line 1: expected '"' at the end of the value of label b
          bad escape                | a{b="\\t"} 1\\n                            | line 1: invalid escape sequence \\t
          missing comma             | a{b="1" c="2"} 1\\n                       | line 1: expected ',' or '}' after the value of label b
          second help               | # HELP a x\\n# HELP a y\\na 1\\n           | line 2: second HELP line for a
          type after samples        | a 1\\n# TYPE a gauge\\n                    | line 2: second TYPE line for a, or TYPE after its samples
          unknown type              | # TYPE a meter\\na 1\\n                    | line 1: unknown metric type "meter"
          bad name in comment       | # TYPE 1a gauge\\n                        | line 1: invalid metric name in comment
          bucket without le         | # TYPE h histogram\\nh_bucket 1\\n         | line 2: h_bucket lacks the label le
          histogram bare sample     | # TYPE h histogram\\nh 1\\n                | line 2: h is not a sample of histogram h
          le not a number           | # TYPE h histogram\\nh_bucket{le="x"} 1\\n | line 2: expected a number as the label le, got "x"
          quantile on sum           | # TYPE s summary\\ns_sum{quantile="1"} 1\\n | line 2: s_sum must not carry the label quantile
          """)
  void parse_malformedText_isRefusedNamingTheLine(String what, String text, String message) {
    assertThatThrownBy(() -> TextFormatParser.parse(text.replace("\\n", "\n")))
        .isInstanceOf(ParseException.class)
        .hasMessage(message);
  }
}
