package io.dockwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dockwatch.config.SinkConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GelfSinkTest {
  private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private GelfReceiver receiver;
  private final List<RecordSink> sinks = new ArrayList<>();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = GelfReceiver.start();
  }

  @AfterEach
  void stopAll() throws IOException {
    sinks.forEach(sink -> sink.close(1_000));
    receiver.close();
  }

  @Test
  void accept_withLivePeer_deliversAGelfMessage() throws IOException {
    GelfSink sink = open();

    sink.accept(TestRecords.finding(1));

    await().atMost(WAIT).until(() -> receiver.messages().size() == 1);
    Map<String, Object> message = receiver.messages().get(0);
    assertThat(message)
        .containsEntry("version", "1.1")
        .containsEntry("host", "docker-7")
        .containsEntry("short_message", "web-1 publishes every exposed port")
        .containsEntry("level", 3)
        .containsEntry("_rule", "network.publish-all")
        .containsEntry("_state", "open")
        .containsEntry("_fingerprint", "fp-1")
        .doesNotContainKey("_id");
    assertThat((Double) message.get("timestamp")).isEqualTo(1772360130.124456);
    assertThat((String) message.get("_record_id")).hasSize(36);
    await().atMost(WAIT).until(() -> sink.stats().delivered() == 1);
  }

  @Test
  void accept_whilePeerDown_recordsWaitOnDiskThenAllArrive() throws IOException {
    receiver.stop();
    GelfSink sink = open();
    acceptAll(sink, 0, 30);
    await().atMost(WAIT).until(() -> sink.stats().failedAttempts() >= 2);
    await().atMost(WAIT).until(() -> sink.stats().backlogRecords() == 30);

    receiver.restart();

    await().atMost(WAIT).until(() -> receiver.messages().size() == 30);
    assertThat(seqs()).isEqualTo(range(0, 30));
    await().atMost(WAIT).until(() -> sink.stats().backlogRecords() == 0);
  }

  @Test
  void close_withRecordsQueued_leavesThemForTheNextStartOnTheSameDir() throws IOException {
    receiver.stop();
    GelfSink first = open();
    acceptAll(first, 0, 15);
    first.close(200);

    receiver.restart();
    open();

    await().atMost(WAIT).until(() -> receiver.messages().size() == 15);
    assertThat(seqs()).isEqualTo(range(0, 15));
  }

  @Test
  void peerClosingEachConnection_batchIsNotDeliveredAndIsSentAgainLater() throws IOException {
    receiver.refusing(true);
    GelfSink sink = open();
    acceptAll(sink, 0, 5);
    await().atMost(WAIT).until(() -> sink.stats().failedAttempts() >= 2);
    assertThat(sink.stats().delivered()).isZero();

    receiver.refusing(false);

    await().atMost(WAIT).until(() -> sink.stats().delivered() == 5);
    // Delivered means written to an open connection; the receiver parses on its own thread.
    await().atMost(WAIT).until(() -> receiver.messages().size() == 5);
    assertThat(seqs()).isEqualTo(range(0, 5));
  }

  private GelfSink open() throws IOException {
    SinkConfig.Gelf config =
        new SinkConfig.Gelf(true, "127.0.0.1", receiver.port(), dir.resolve("spool"), 1 << 20);
    GelfSink sink = GelfSink.open(config, Clock.systemUTC(), FAST);
    sinks.add(sink);
    return sink;
  }

  private static void acceptAll(RecordSink sink, int from, int to) {
    for (int i = from; i < to; i++) {
      sink.accept(TestRecords.finding(i));
    }
  }

  private List<Integer> seqs() {
    return receiver.messages().stream()
        .map(m -> ((Number) m.get("_seq")).intValue())
        .collect(Collectors.toList());
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> range = new ArrayList<>();
    for (int i = from; i < to; i++) {
      range.add(i);
    }
    return range;
  }
}
