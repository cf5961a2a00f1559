package io.dockwatch.e2e.support;

import static org.awaitility.Awaitility.await;

import io.dockwatch.e2e.support.ForwardDecoder.ForwardMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A fluentd forward-protocol server on 127.0.0.1 that records every entry it receives: the peer
 * that the agent, or Docker's own fluentd logging driver, sends to in the end-to-end tests.
 *
 * <p>It reads the Message, Forward, PackedForward and CompressedPackedForward modes and answers
 * {@code {"ack": chunk}} to a message whose options carry a chunk. For fault tests it can be
 * stopped and restarted on the same port, and switched to a {@link Mode} that never acknowledges.
 */
public final class ForwardReceiver implements AutoCloseable {
  /** How the receiver treats each message. */
  public enum Mode {
    /** Records the entries and acknowledges the chunk, if asked. */
    ACKNOWLEDGE,
    /** Reads the message, records nothing, never acknowledges and drops the connection. */
    DROP_WITHOUT_ACK,
    /**
     * Records the entries, then drops the connection without acknowledging: a peer that stored a
     * chunk and failed before its ack went out, so that the sender sends the same records again.
     */
    KEEP_WITHOUT_ACK
  }

  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

  private final List<ForwardEntry> entries = new ArrayList<>();
  private final List<Long> arrivals = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ACKNOWLEDGE);
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger port = new AtomicInteger();
  private final AtomicReference<ForwardListener> listener = new AtomicReference<>();

  private ForwardReceiver() {}

  /** Listens on an ephemeral port of 127.0.0.1. */
  public static ForwardReceiver listen() {
    return listen(0);
  }

  /** Listens on 127.0.0.1:{@code port}. */
  public static ForwardReceiver listen(int port) {
    ForwardReceiver receiver = new ForwardReceiver();
    receiver.port.set(port);
    receiver.bind();
    return receiver;
  }

  /** The port, which stays the same across {@link #stop()} and {@link #restart()}. */
  public int port() {
    return port.get();
  }

  /** {@code 127.0.0.1:port}, as Docker's {@code fluentd-address} option spells it. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  /** Changes how the messages that arrive from now on are treated. */
  public void mode(Mode next) {
    mode.set(next);
  }

  /** Closes the port and every connection; the entries received so far are kept. */
  public void stop() {
    ForwardListener running = listener.getAndSet(null);
    if (running != null) {
      running.close();
    }
  }

  /** Stops if listening, then listens again on the same port. */
  public void restart() {
    stop();
    bind();
  }

  private void bind() {
    ForwardListener started = ForwardListener.bind(port.get(), new Recorder());
    port.set(started.port());
    listener.set(started);
  }

  public boolean isListening() {
    return listener.get() != null;
  }

  /** Every entry recorded so far, in arrival order. */
  /**
   * When the first entry matching {@code match} arrived, on the {@link System#nanoTime()} scale, or
   * -1 when none has.
   */
  public long arrivalNanos(java.util.function.Predicate<ForwardEntry> match) {
    synchronized (entries) {
      for (int i = 0; i < entries.size(); i++) {
        if (match.test(entries.get(i))) {
          return arrivals.get(i);
        }
      }
    }
    return -1;
  }

  public List<ForwardEntry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /** What could not be read, such as a connection that ended inside a message. */
  public List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  /** How many messages were read and left without an ack, in either mode that does not ack. */
  public int droppedMessages() {
    return dropped.get();
  }

  /** How many chunks were acknowledged: one per message that asked for it and was kept. */
  public int chunksAcknowledged() {
    return acknowledged.get();
  }

  /** Waits up to 30 s for an entry that matches, and returns the first such. */
  public ForwardEntry awaitEntry(Predicate<ForwardEntry> match) {
    return awaitEntries(match, 1, DEFAULT_WAIT).get(0);
  }

  /** Waits up to 30 s until {@code count} entries match, and returns all that match by then. */
  public List<ForwardEntry> awaitEntries(Predicate<ForwardEntry> match, int count) {
    return awaitEntries(match, count, DEFAULT_WAIT);
  }

  /** Waits until {@code count} entries match, and returns all that match by then. */
  public List<ForwardEntry> awaitEntries(
      Predicate<ForwardEntry> match, int count, Duration timeout) {
    return await("at least " + count + " matching entries on " + address())
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> entries().stream().filter(match).toList(), found -> found.size() >= count);
  }

  @Override
  public void close() {
    stop();
  }

  private final class Recorder implements ForwardListener.Inbox {
    @Override
    public boolean deliver(ForwardMessage message) {
      Mode now = mode.get();
      if (now == Mode.DROP_WITHOUT_ACK) {
        dropped.incrementAndGet();
        return false;
      }
      long arrived = System.nanoTime();
      synchronized (entries) {
        entries.addAll(message.entries());
        message.entries().forEach(e -> arrivals.add(arrived));
      }
      if (now == Mode.KEEP_WITHOUT_ACK) {
        dropped.incrementAndGet();
        return false;
      }
      message.chunk().ifPresent(chunk -> acknowledged.incrementAndGet());
      return true;
    }

    @Override
    public void problem(String description) {
      synchronized (problems) {
        problems.add(description);
      }
    }
  }
}
