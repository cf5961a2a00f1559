package io.dockwatch.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolWriterTest {
  @TempDir Path dir;
  private Spool spool;
  private final AtomicInteger appended = new AtomicInteger();

  @BeforeEach
  void openSpool() throws IOException {
    spool = Spool.open("test", dir, 1 << 20);
  }

  @AfterEach
  void closeSpool() {
    spool.close();
  }

  @Test
  void offer_records_reachTheSpoolInOrderAndAreForced() throws IOException {
    SpoolWriter writer = new SpoolWriter("test", spool, 100, appended::incrementAndGet);
    writer.start();

    List.of("a", "b", "c").forEach(text -> writer.offer(text.getBytes(UTF_8)));

    await().atMost(Duration.ofSeconds(5)).until(() -> appended.get() == 3);
    await().atMost(Duration.ofSeconds(5)).until(() -> !spool.syncPending());
    assertThat(spool.read(10, 1 << 20).payloads())
        .extracting(payload -> new String(payload, UTF_8))
        .containsExactly("a", "b", "c");
    writer.close(1_000);
  }

  @Test
  void offer_whileTheWriterCannotKeepUp_dropsPastCapacityAndCounts() {
    SpoolWriter writer = new SpoolWriter("test", spool, 2, appended::incrementAndGet);

    boolean first = writer.offer(new byte[] {1});
    boolean second = writer.offer(new byte[] {2});
    boolean third = writer.offer(new byte[] {3});

    assertThat(List.of(first, second, third)).containsExactly(true, true, false);
    assertThat(writer.dropped()).isEqualTo(1);
    assertThat(writer.waiting()).isEqualTo(2);
  }

  @Test
  void close_withRecordsWaiting_writesThemAllBeforeStopping() {
    SpoolWriter writer = new SpoolWriter("test", spool, 10, appended::incrementAndGet);
    for (int i = 0; i < 5; i++) {
      writer.offer(new byte[] {(byte) i});
    }
    writer.start();

    writer.close(5_000);

    assertThat(appended.get()).isEqualTo(5);
    assertThat(spool.backlogRecords()).isEqualTo(5);
    assertThat(spool.syncPending()).isFalse();
    assertThat(writer.isAlive()).isFalse();
  }
}
