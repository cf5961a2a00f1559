package io.dockwatch.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwatch.e2e.support.ForwardDecoder.ForwardMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

class ForwardDecoderTest {
  private static final Instant TIME = Instant.parse("2026-03-01T10:15:30.123456789Z");

  @Test
  void decode_messageModeWithIntegerTime_givesOneEntryWithoutChunk() throws IOException {
    byte[] packed = ForwardSender.message("app.one", 1_700_000_000L, Map.of("log", "hi"), null);

    ForwardMessage message = ForwardDecoder.decode(unpack(packed));

    assertThat(message.entries())
        .containsExactly(
            new ForwardEntry(
                "app.one", Instant.ofEpochSecond(1_700_000_000L), Map.of("log", "hi")));
    assertThat(message.chunk()).isEmpty();
  }

  @Test
  void decode_messageModeWithChunk_givesTheChunk() throws IOException {
    byte[] packed = ForwardSender.message("app.one", 1L, Map.of("log", "hi"), "c-1");

    ForwardMessage message = ForwardDecoder.decode(unpack(packed));

    assertThat(message.chunk()).contains("c-1");
  }

  @Test
  void decode_messageModeWithEventTime_keepsTheNanoseconds() throws IOException {
    byte[] packed = ForwardSender.messageWithEventTime("app.two", TIME, Map.of("log", "x"));

    ForwardMessage message = ForwardDecoder.decode(unpack(packed));

    assertThat(message.entries()).singleElement().extracting(ForwardEntry::time).isEqualTo(TIME);
  }

  @Test
  void decode_forwardMode_givesEveryEntryInOrderAndTheChunk() throws IOException {
    List<Map<String, String>> records = List.of(Map.of("n", "1"), Map.of("n", "2"));
    byte[] packed = ForwardSender.forward("app.fw", TIME, "c-2", records);

    ForwardMessage message = ForwardDecoder.decode(unpack(packed));

    assertThat(message.entries()).extracting(entry -> entry.field("n")).containsExactly("1", "2");
    assertThat(message.entries()).allSatisfy(entry -> assertThat(entry.tag()).isEqualTo("app.fw"));
    assertThat(message.chunk()).contains("c-2");
  }

  @Test
  void decode_packedForward_givesEveryEntry() throws IOException {
    List<Map<String, String>> records = List.of(Map.of("n", "1"), Map.of("n", "2"));
    byte[] packed = ForwardSender.packedForward("app.pf", 5L, false, "c-3", records);

    ForwardMessage message = ForwardDecoder.decode(unpack(packed));

    assertThat(message.entries()).extracting(entry -> entry.field("n")).containsExactly("1", "2");
    assertThat(message.entries().get(0).time()).isEqualTo(Instant.ofEpochSecond(5));
    assertThat(message.chunk()).contains("c-3");
  }

  @Test
  void decode_compressedPackedForward_gunzipsTheEntries() throws IOException {
    List<Map<String, String>> records = List.of(Map.of("n", "1"), Map.of("n", "2"));
    byte[] packed = ForwardSender.packedForward("app.cpf", 5L, true, "c-4", records);

    ForwardMessage message = ForwardDecoder.decode(unpack(packed));

    assertThat(message.entries()).extracting(entry -> entry.field("n")).containsExactly("1", "2");
  }

  @Test
  void eventTime_float_keepsTheFraction() {
    Instant time = ForwardDecoder.eventTime(ValueFactory.newFloat(10.25));

    assertThat(time).isEqualTo(Instant.ofEpochSecond(10, 250_000_000));
  }

  @Test
  void decode_notAnArray_failsNamingTheValue() {
    Value notMessage = ValueFactory.newString("hello");

    assertThatThrownBy(() -> ForwardDecoder.decode(notMessage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a forward message");
  }

  private static Value unpack(byte[] packed) throws IOException {
    return MessagePack.newDefaultUnpacker(packed).unpackValue();
  }
}
