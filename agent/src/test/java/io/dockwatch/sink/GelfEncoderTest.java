package io.dockwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GelfEncoderTest {
  private final GelfEncoder encoder = new GelfEncoder();
  private final JsonMapper json = new JsonMapper();

  @Test
  void encode_finding_fillsTheGelfFields() throws IOException {
    JsonNode message = json.readTree(encoder.encode(TestRecords.finding(1), "id-1"));

    assertThat(message.get("version").asText()).isEqualTo("1.1");
    assertThat(message.get("host").asText()).isEqualTo("docker-7");
    assertThat(message.get("short_message").asText())
        .isEqualTo("web-1 publishes every exposed port");
    assertThat(message.get("timestamp").decimalValue()).isEqualByComparingTo("1772360130.124456");
    assertThat(message.get("level").asInt()).isEqualTo(3);
  }

  @Test
  void encode_finding_prefixesEveryOtherFieldAndAddsRecordId() throws IOException {
    JsonNode message = json.readTree(encoder.encode(TestRecords.finding(1), "id-1"));

    assertThat(message.get("_rule").asText()).isEqualTo("network.publish-all");
    assertThat(message.get("_severity").asText()).isEqualTo("high");
    assertThat(message.get("_seq").asLong()).isEqualTo(1);
    assertThat(message.get("_record_id").asText()).isEqualTo("id-1");
    assertThat(message.has("_message")).isFalse();
    assertThat(message.has("_host")).isFalse();
    assertThat(message.has("message")).isFalse();
  }

  @Test
  void encode_nestedValuesAndBooleans_becomeText() throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>(TestRecords.finding(1).fields());
    fields.put("waived", false);

    JsonNode message =
        json.readTree(encoder.encode(new OutboundRecord(TestRecords.TIME, fields), "x"));

    assertThat(message.get("_evidence").isTextual()).isTrue();
    assertThat(json.readTree(message.get("_evidence").asText()).get("ports").get(1).asText())
        .isEqualTo("53/udp");
    assertThat(message.get("_waived").asText()).isEqualTo("false");
  }

  @Test
  void encode_fieldNamedId_neverProducesTheReservedId() throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>(TestRecords.finding(1).fields());
    fields.put("id", "42");
    fields.put("odd name/x", "y");

    JsonNode message =
        json.readTree(encoder.encode(new OutboundRecord(TestRecords.TIME, fields), "x"));

    assertThat(message.has("_id")).isFalse();
    assertThat(message.get("_id_").asText()).isEqualTo("42");
    assertThat(message.get("_odd_name_x").asText()).isEqualTo("y");
  }

  @ParameterizedTest
  @CsvSource({"critical,2", "high,3", "medium,4", "low,5", "info,6", "bogus,6"})
  void level_eachSeverity_mapsToSyslogLevel(String severity, int level) {
    assertThat(GelfEncoder.level(severity)).isEqualTo(level);
  }
}
