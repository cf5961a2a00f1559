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

class FluentdSinkTest {
  private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir Path dir;
  private ForwardReceiver receiver;
  private final List<RecordSink> sinks = new ArrayList<>();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = ForwardReceiver.start();
  }

  @AfterEach
  void stopAll() throws IOException {
    sinks.forEach(sink -> sink.close(1_000));
    receiver.close();
  }

  @Test
  void accept_withLivePeer_deliversFieldsTimeAndRecordId() throws IOException {
    FluentdSink sink = open(1 << 20, Duration.ofSeconds(5));
    OutboundRecord record = TestRecords.finding(1);

    sink.accept(record);

    await().atMost(WAIT).until(() -> receiver.events().size() == 1);
    ForwardReceiver.Event event = receiver.events().get(0);
    assertThat(event.tag()).isEqualTo("dockwatch.finding");
    assertThat(event.time()).isEqualTo(record.time());
    assertThat(event.record()).containsAllEntriesOf(withoutNested(record.fields()));
    assertThat(event.record().get("evidence"))
        .isEqualTo(Map.of("publish_all", true, "ports", List.of("8080/tcp", "53/udp")));
    assertThat(event.recordId()).matches(ID);
    await().atMost(WAIT).until(() -> sink.stats().delivered() == 1);
    assertThat(sink.stats().backlogRecords()).isZero();
  }

  @Test
  void accept_manyRecords_arriveInOrderWithDistinctIds() throws IOException {
    FluentdSink sink = open(1 << 20, Duration.ofSeconds(5));

    acceptAll(sink, 0, 1_200);

    await().atMost(WAIT).until(() -> receiver.events().size() == 1_200);
    assertThat(seqs(receiver.events())).isEqualTo(range(0, 1_200));
    assertThat(distinctIds()).isEqualTo(1_200);
  }

  @Test
  void accept_whilePeerDown_recordsWaitOnDiskThenAllArrive() throws IOException {
    receiver.stop();
    FluentdSink sink = open(1 << 20, Duration.ofSeconds(5));
    acceptAll(sink, 0, 50);
    await().atMost(WAIT).until(() -> sink.stats().failedAttempts() >= 2);
    await().atMost(WAIT).until(() -> sink.stats().backlogRecords() == 50);
    assertThat(sink.stats().backlogBytes()).isPositive();

    receiver.restart();
    acceptAll(sink, 50, 60);

    await().atMost(WAIT).until(() -> receiver.events().size() == 60);
    assertThat(seqs(receiver.events())).isEqualTo(range(0, 60));
    await().atMost(WAIT).until(() -> sink.stats().backlogRecords() == 0);
    assertThat(sink.stats().delivered()).isEqualTo(60);
    assertThat(sink.stats().dropped()).isZero();
  }

  @Test
  void close_withRecordsQueued_leavesThemForTheNextStartOnTheSameDir() throws IOException {
    receiver.stop();
    FluentdSink first = open(1 << 20, Duration.ofSeconds(5));
    acceptAll(first, 0, 20);
    first.close(200);
    assertThat(first.stats().backlogRecords()).isEqualTo(20);

    receiver.restart();
    open(1 << 20, Duration.ofSeconds(5));

    await().atMost(WAIT).until(() -> receiver.events().size() == 20);
    assertThat(seqs(receiver.events())).isEqualTo(range(0, 20));
  }

  @Test
  void accept_afterClose_isCountedAsDropped() throws IOException {
    FluentdSink sink = open(1 << 20, Duration.ofSeconds(5));
    sink.close(1_000);

    sink.accept(TestRecords.finding(0));

    assertThat(sink.stats().dropped()).isEqualTo(1);
  }

  @Test
  void peerDropsWithoutAck_batchIsResentWithTheSameRecordIds() throws IOException {
    receiver.mode(ForwardReceiver.Mode.DROP_WITHOUT_ACK);
    FluentdSink sink = open(1 << 20, Duration.ofSeconds(5));
    acceptAll(sink, 0, 10);
    await().atMost(WAIT).until(() -> receiver.events().size() >= 10);
    await().atMost(WAIT).until(() -> sink.stats().failedAttempts() >= 1);
    assertThat(sink.stats().delivered()).isZero();

    receiver.mode(ForwardReceiver.Mode.ACK);

    await().atMost(WAIT).until(() -> sink.stats().delivered() == 10);
    List<ForwardReceiver.Event> events = receiver.events();
    assertThat(events.size()).isGreaterThan(10);
    assertThat(distinctIds()).isEqualTo(10);
    Map<String, List<Object>> seqsById =
        events.stream()
            .collect(
                Collectors.groupingBy(
                    ForwardReceiver.Event::recordId,
                    Collectors.mapping(e -> e.record().get("seq"), Collectors.toList())));
    assertThat(seqsById.values()).allSatisfy(seqs -> assertThat(seqs).containsOnly(seqs.get(0)));
  }

  @Test
  void accept_whilePeerHangsAndSpoolFills_refusesCountsAndNeverBlocks() throws IOException {
    receiver.mode(ForwardReceiver.Mode.HANG);
    FluentdSink sink = open(64 << 10, Duration.ofSeconds(5));
    sink.accept(TestRecords.finding(0));
    await()
        .atMost(WAIT)
        .until(() -> !receiver.events().isEmpty()); // the sender now waits for an ack

    long slowest = 0;
    for (int i = 1; i < 1_000; i++) {
      long start = System.nanoTime();
      sink.accept(TestRecords.finding(i));
      slowest = Math.max(slowest, System.nanoTime() - start);
    }

    // Blocking would mean waiting out the 5 s ack timeout; a GC pause on a busy machine is far
    // shorter. The latency itself is measured by bench/, not asserted here.
    assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(2));
    // The spool refuses on the writer thread: wait for it to have seen every record.
    await()
        .atMost(WAIT)
        .until(() -> sink.stats().backlogRecords() + sink.stats().dropped() == 1_000);
    assertThat(sink.stats().dropped()).isPositive();
    assertThat(sink.stats().delivered()).isZero();
  }

  @Test
  void close_whilePeerHangs_stopsTheSenderSoonAfterItsTimeout() throws IOException {
    receiver.mode(ForwardReceiver.Mode.HANG);
    FluentdSink sink = open(1 << 20, Duration.ofSeconds(30));
    acceptAll(sink, 0, 2_000);
    await().atMost(WAIT).until(() -> !receiver.events().isEmpty());

    long start = System.nanoTime();
    sink.close(300);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofMillis(300 + 1_000));
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().equals("dockwatch-sink-fluentd"));
    assertThat(sink.stats().backlogRecords()).isEqualTo(2_000);
  }

  private FluentdSink open(long bound, Duration timeout) throws IOException {
    SinkConfig.Fluentd config =
        new SinkConfig.Fluentd(
            true,
            "127.0.0.1",
            receiver.port(),
            "dockwatch.finding",
            dir.resolve("spool"),
            bound,
            timeout);
    FluentdSink sink = FluentdSink.open(config, Clock.systemUTC(), FAST);
    sinks.add(sink);
    return sink;
  }

  private static void acceptAll(RecordSink sink, int from, int to) {
    for (int i = from; i < to; i++) {
      sink.accept(TestRecords.finding(i));
    }
  }

  private long distinctIds() {
    return receiver.events().stream().map(ForwardReceiver.Event::recordId).distinct().count();
  }

  private static List<Long> seqs(List<ForwardReceiver.Event> events) {
    return events.stream().map(e -> (Long) e.record().get("seq")).collect(Collectors.toList());
  }

  private static List<Long> range(int from, int to) {
    List<Long> range = new ArrayList<>();
    for (long i = from; i < to; i++) {
      range.add(i);
    }
    return range;
  }

  private static Map<String, Object> withoutNested(Map<String, Object> fields) {
    Map<String, Object> flat = new java.util.LinkedHashMap<>(fields);
    flat.remove("evidence");
    flat.put("seq", ((Integer) fields.get("seq")).longValue());
    return flat;
  }
}
