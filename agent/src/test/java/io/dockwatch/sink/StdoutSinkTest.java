package io.dockwatch.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StdoutSinkTest {
  private final JsonMapper json = new JsonMapper();

  @Test
  void accept_records_writesOneJsonObjectPerLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StdoutSink sink = StdoutSink.start(new PrintStream(bytes, false, UTF_8), 10);

    sink.accept(TestRecords.finding(1));
    sink.accept(TestRecords.finding(2));
    sink.close(1_000);

    List<String> lines = bytes.toString(UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("time").asText()).isEqualTo("2026-03-01T10:15:30.124456789Z");
    assertThat(first.get("rule").asText()).isEqualTo("network.publish-all");
    assertThat(first.get("evidence").get("ports").get(0).asText()).isEqualTo("8080/tcp");
    assertThat(json.readTree(lines.get(1)).get("seq").asInt()).isEqualTo(2);
    assertThat(sink.stats().delivered()).isEqualTo(2);
  }

  @Test
  void accept_whileStreamIsBlocked_dropsPastCapacityWithoutWaiting() {
    BlockingStream blocked = new BlockingStream();
    StdoutSink sink = StdoutSink.start(new PrintStream(blocked, false, UTF_8), 5);
    sink.accept(TestRecords.finding(0));
    await().atMost(Duration.ofSeconds(5)).until(() -> blocked.writing.getCount() == 0);

    long start = System.nanoTime();
    for (int i = 1; i <= 10; i++) {
      sink.accept(TestRecords.finding(i));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofMillis(50));
    assertThat(sink.stats().backlogRecords()).isEqualTo(5); // the one being written included
    assertThat(sink.stats().dropped()).isEqualTo(6);
    blocked.release.countDown();
    sink.close(1_000);
    assertThat(blocked.lines()).isEqualTo(5);
  }

  /** An output stream that blocks its first write until released, like a journal not reading. */
  private static final class BlockingStream extends OutputStream {
    private final CountDownLatch writing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) throws IOException {
      writing.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      written.write(b);
    }

    synchronized long lines() {
      return written.toString(UTF_8).lines().count();
    }
  }
}
