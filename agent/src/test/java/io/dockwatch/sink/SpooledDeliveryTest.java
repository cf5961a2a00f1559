package io.dockwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledDeliveryTest {
  private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));

  @TempDir Path dir;

  @Test
  void offer_withWorkingTransport_sendsAndCommits() throws IOException {
    FakeTransport transport = new FakeTransport(false);
    SpooledDelivery delivery = start(transport);

    delivery.offer(new byte[] {1});
    delivery.offer(new byte[] {2});

    await().atMost(Duration.ofSeconds(5)).until(() -> delivery.stats().delivered() == 2);
    assertThat(delivery.stats().backlogRecords()).isZero();
    delivery.close(1_000);
  }

  @RepeatedTest(10)
  void close_whileTheTransportHangsAndSwallowsInterrupts_startsNoNewAttempt() throws IOException {
    FakeTransport transport = new FakeTransport(true);
    SpooledDelivery delivery = start(transport);
    delivery.offer(new byte[] {1});
    await().atMost(Duration.ofSeconds(5)).until(() -> transport.sends.get() == 1);

    delivery.close(20);

    assertThat(transport.sends.get()).isEqualTo(1);
    assertThat(transport.closed.getCount()).isZero();
    assertThat(delivery.stats().backlogRecords()).isEqualTo(1);
  }

  @Test
  void offer_afterClose_isRefusedAndCounted() throws IOException {
    SpooledDelivery delivery = start(new FakeTransport(false));
    delivery.close(1_000);

    boolean taken = delivery.offer(new byte[] {1});

    assertThat(taken).isFalse();
    assertThat(delivery.stats().dropped()).isEqualTo(1);
  }

  @Test
  void delivery_whileThePositionCannotBeStored_countsFailuresAndStoresItOnceThereIsRoom()
      throws IOException {
    AtomicBoolean diskFull = new AtomicBoolean(true);
    SpooledDelivery delivery =
        start(
            new FakeTransport(false),
            (position, file) -> {
              if (diskFull.get()) {
                throw new IOException("No space left on device");
              }
              position.write(file);
            });
    delivery.offer(new byte[] {1});
    await().atMost(Duration.ofSeconds(5)).until(() -> delivery.stats().failedAttempts() >= 2);

    diskFull.set(false);

    // Stored by the sender's own retry: no new record is offered and the spool stays open.
    await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(dir.resolve("position")));
    assertThat(delivery.stats().delivered()).isEqualTo(1);
    delivery.close(1_000);
    try (Spool reopened = Spool.open("test", dir, 1 << 20)) {
      assertThat(reopened.hasBacklog()).isFalse();
    }
  }

  private SpooledDelivery start(Transport transport) throws IOException {
    return start(transport, SpoolPosition::write);
  }

  private SpooledDelivery start(Transport transport, SpoolPositionStore.Writer writer)
      throws IOException {
    Spool spool = Spool.open("test", dir, 1 << 20, writer);
    SpooledDelivery delivery =
        new SpooledDelivery("test", spool, transport, FAST, Clock.systemUTC(), 10, 1 << 20);
    delivery.start();
    return delivery;
  }

  /**
   * A transport that either takes every batch or hangs until interrupted, then fails with the
   * interrupt cleared, as fluency does.
   */
  private static final class FakeTransport implements Transport {
    private final boolean hang;
    private final AtomicInteger sends = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    FakeTransport(boolean hang) {
      this.hang = hang;
    }

    @Override
    public void send(List<byte[]> payloads) throws IOException {
      sends.incrementAndGet();
      if (!hang) {
        return;
      }
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        throw new IOException("interrupted while waiting for an ack", e); // flag now clear
      }
    }

    @Override
    public String peer() {
      return "fake:1";
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
