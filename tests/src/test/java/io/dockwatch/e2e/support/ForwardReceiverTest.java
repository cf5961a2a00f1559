package io.dockwatch.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

class ForwardReceiverTest {
  private final ForwardReceiver receiver = ForwardReceiver.listen();

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void receive_messageWithChunk_recordsTheEntryAndAcksTheChunk() throws IOException {
    try (ForwardSender sender = new ForwardSender(receiver.port())) {
      sender.send(ForwardSender.message("app.ack", 7L, Map.of("log", "one"), "chunk-1"));

      Value reply = sender.reply();

      assertThat(reply).isEqualTo(ack("chunk-1"));
    }
    assertThat(receiver.awaitEntry(entry -> entry.tag().equals("app.ack")).field("log"))
        .isEqualTo("one");
  }

  @Test
  void receive_messageWithoutChunk_isNotAnswered() throws IOException {
    try (ForwardSender sender = new ForwardSender(receiver.port())) {
      sender.send(ForwardSender.message("app.plain", 7L, Map.of("log", "one"), null));
      sender.send(ForwardSender.message("app.plain", 7L, Map.of("log", "two"), "chunk-2"));

      Value firstReply = sender.reply();

      assertThat(firstReply).isEqualTo(ack("chunk-2"));
    }
    assertThat(receiver.awaitEntries(entry -> entry.tag().equals("app.plain"), 2))
        .extracting(entry -> entry.field("log"))
        .containsExactly("one", "two");
  }

  @Test
  void receive_inDropMode_closesTheConnectionWithoutAckOrEntry() throws IOException {
    receiver.mode(ForwardReceiver.Mode.DROP_WITHOUT_ACK);

    try (ForwardSender sender = new ForwardSender(receiver.port())) {
      sender.send(ForwardSender.message("app.drop", 7L, Map.of("log", "lost"), "chunk-3"));

      assertThat(sender.read()).isEqualTo(-1);
    }
    assertThat(receiver.droppedMessages()).isEqualTo(1);
    assertThat(receiver.entries()).isEmpty();
  }

  @Test
  void receive_inKeepMode_recordsTheEntryButClosesWithoutAck() throws IOException {
    receiver.mode(ForwardReceiver.Mode.KEEP_WITHOUT_ACK);

    try (ForwardSender sender = new ForwardSender(receiver.port())) {
      sender.send(ForwardSender.message("app.keep", 7L, Map.of("log", "kept"), "chunk-4"));

      assertThat(sender.read()).isEqualTo(-1);
    }
    assertThat(receiver.droppedMessages()).isEqualTo(1);
    assertThat(receiver.entries()).extracting(e -> e.field("log")).containsExactly("kept");
  }

  @Test
  void restart_afterStop_listensOnTheSamePortAndKeepsTheEntries() throws IOException {
    try (ForwardSender sender = new ForwardSender(receiver.port())) {
      sender.send(ForwardSender.message("app.before", 7L, Map.of("log", "a"), "c"));
      sender.reply();
    }
    int port = receiver.port();

    receiver.stop();
    assertThatThrownBy(() -> new ForwardSender(port)).isInstanceOf(ConnectException.class);
    receiver.restart();

    try (ForwardSender sender = new ForwardSender(port)) {
      sender.send(ForwardSender.message("app.after", 7L, Map.of("log", "b"), "c2"));
      assertThat(sender.reply()).isEqualTo(ack("c2"));
    }
    assertThat(receiver.port()).isEqualTo(port);
    assertThat(receiver.entries()).extracting(ForwardEntry::tag).contains("app.before");
  }

  @Test
  void stop_withAnOpenConnection_dropsIt() throws IOException {
    try (ForwardSender sender = new ForwardSender(receiver.port())) {
      sender.send(ForwardSender.message("app.open", 7L, Map.of("log", "a"), "c"));
      sender.reply();

      receiver.stop();

      assertThat(sender.read()).isEqualTo(-1);
    }
  }

  @Test
  void receive_connectionEndingInsideAMessage_isReportedAsAProblem() throws IOException {
    byte[] whole = ForwardSender.message("app.cut", 7L, Map.of("log", "cut"), null);

    try (ForwardSender sender = new ForwardSender(receiver.port())) {
      sender.send(Arrays.copyOf(whole, whole.length - 3));
    }

    await().until(() -> !receiver.problems().isEmpty());
    assertThat(receiver.problems()).containsExactly("the connection ended inside a message");
    assertThat(receiver.entries()).isEmpty();
  }

  private static Value ack(String chunk) {
    return ValueFactory.newMap(
        Map.of(ValueFactory.newString("ack"), ValueFactory.newString(chunk)));
  }
}
