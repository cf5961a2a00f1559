package io.dockwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.ExtensionValue;
import org.msgpack.value.MapValue;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

class ForwardEncoderTest {
  private final ForwardEncoder encoder = new ForwardEncoder();

  @Test
  void encode_anyRecord_givesEventTimeWithNanoseconds() throws IOException {
    byte[] entry = encoder.encode(TestRecords.finding(0), "id-0");

    ExtensionValue time = unpack(entry).get(0).asExtensionValue();

    ByteBuffer data = ByteBuffer.wrap(time.getData());
    assertThat(time.getType()).isZero();
    assertThat(Instant.ofEpochSecond(data.getInt(), data.getInt())).isEqualTo(TestRecords.TIME);
  }

  @Test
  void encode_anyRecord_keepsFieldsInOrderAndAddsRecordId() throws IOException {
    byte[] entry = encoder.encode(TestRecords.finding(3), "id-3");

    MapValue record = unpack(entry).get(1).asMapValue();

    List<String> keys = record.keySet().stream().map(Value::toString).toList();
    assertThat(keys).startsWith("rule", "severity", "state", "host").endsWith("seq", "record_id");
    Map<Value, Value> map = record.map();
    assertThat(map.get(ValueFactory.newString("record_id")).toString()).isEqualTo("id-3");
    assertThat(map.get(ValueFactory.newString("seq")).asIntegerValue().toLong()).isEqualTo(3);
  }

  @Test
  void encode_nestedAndOddValues_keepsStructureAndStringifiesTheRest() throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>(TestRecords.finding(0).fields());
    fields.put("first_seen", Instant.parse("2026-01-02T03:04:05Z"));
    fields.put("ratio", 0.5f);
    OutboundRecord record = new OutboundRecord(TestRecords.TIME, fields);

    Map<Value, Value> map = unpack(encoder.encode(record, "x")).get(1).asMapValue().map();

    Map<Value, Value> evidence = map.get(ValueFactory.newString("evidence")).asMapValue().map();
    assertThat(evidence.get(ValueFactory.newString("publish_all")).asBooleanValue().getBoolean())
        .isTrue();
    assertThat(evidence.get(ValueFactory.newString("ports")).asArrayValue().size()).isEqualTo(2);
    assertThat(map.get(ValueFactory.newString("first_seen")).asStringValue().asString())
        .isEqualTo("2026-01-02T03:04:05Z");
    assertThat(map.get(ValueFactory.newString("ratio")).asFloatValue().toDouble()).isEqualTo(0.5);
  }

  private static ArrayValue unpack(byte[] entry) throws IOException {
    try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(entry)) {
      ArrayValue value = unpacker.unpackValue().asArrayValue();
      assertThat(unpacker.hasNext()).isFalse();
      assertThat(value.size()).isEqualTo(2);
      return value;
    }
  }
}
