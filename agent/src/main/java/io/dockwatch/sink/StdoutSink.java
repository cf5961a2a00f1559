package io.dockwatch.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records as JSON lines on a stream, standard output in production, which the journal keeps.
 *
 * <p>Each line is one JSON object in UTF-8: {@code time} (the record's time, ISO-8601) unless the
 * record has a field of that name, then the record's fields. A thread of the sink writes the lines,
 * so that a journal that stops reading blocks that thread only; {@link #accept} puts the record in
 * a bounded queue and, when the queue is full, drops it and counts it. Nothing survives a restart.
 */
public final class StdoutSink implements RecordSink {
  /** About ten thousand findings: minutes of a busy host, a few megabytes of memory. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private static final Logger log = LoggerFactory.getLogger(StdoutSink.class);

  private final PrintStream out;
  private final Thread writer;
  private final HandOff<OutboundRecord> queue;
  private final JsonMapper json = new JsonMapper();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong droppedInEpisode = new AtomicLong();
  private final AtomicBoolean failing = new AtomicBoolean();
  private volatile boolean closing;

  private StdoutSink(PrintStream out, int capacity) {
    this.out = out;
    this.writer = new Thread(this::run, "dockwatch-sink-stdout");
    writer.setDaemon(true);
    this.queue = new HandOff<>(capacity, writer);
  }

  /** Starts a sink writing to {@code out} that holds at most {@code capacity} records waiting. */
  public static StdoutSink start(PrintStream out, int capacity) {
    StdoutSink sink = new StdoutSink(out, capacity);
    sink.writer.start();
    return sink;
  }

  @Override
  public void accept(OutboundRecord record) {
    if (closing) {
      dropped.incrementAndGet();
      return;
    }
    if (queue.offer(record)) {
      long episode = droppedInEpisode.getAndSet(0);
      if (episode > 0) {
        log.info("stdout: writing again after dropping {} records", episode);
      }
      return;
    }
    dropped.incrementAndGet();
    if (droppedInEpisode.getAndIncrement() == 0) {
      log.warn(
          "stdout: {} records wait already, dropping new ones until some are written",
          queue.size());
    }
  }

  @Override
  public String name() {
    return "stdout";
  }

  @Override
  public SinkStats stats() {
    return new SinkStats(queue.size(), 0, written.get(), failed.get(), dropped.get());
  }

  /** Stops taking records and waits up to {@code timeoutMillis} for the queue to be written. */
  @Override
  public void close(long timeoutMillis) {
    closing = true;
    queue.wake(); // not an interrupt: that could cut short a write in progress
    try {
      writer.join(Math.max(1, timeoutMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      log.warn("stdout: stream blocked at close, {} records not written", queue.size());
    }
  }

  private void run() {
    while (true) {
      OutboundRecord record = queue.take(Long.MAX_VALUE);
      if (record != null) {
        write(record);
        queue.handled();
      } else if (closing) {
        return;
      }
    }
  }

  private void write(OutboundRecord record) {
    Map<String, Object> line = new LinkedHashMap<>();
    if (!record.fields().containsKey("time")) {
      line.put("time", record.time().toString());
    }
    line.putAll(PlainValues.plainMap(record.fields()));
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain values always serialise", e);
    }
    out.write(bytes, 0, bytes.length);
    out.write('\n');
    // checkError() flushes too: a line reaches the journal as soon as it is written.
    if (out.checkError()) {
      failed.incrementAndGet();
      if (failing.compareAndSet(false, true)) {
        log.warn("stdout: writing failed; records are counted as failed from now on");
      }
    } else {
      written.incrementAndGet();
    }
  }
}
