package io.dockwatch.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.komamitsu.fluency.fluentd.ingester.FluentdIngester;
import org.komamitsu.fluency.fluentd.ingester.sender.TCPSender;

/**
 * The fluentd forward protocol over TCP in ack mode, through fluency's ingester used synchronously:
 * each batch goes out as one PackedForward message with a {@code chunk} id, and {@link #send}
 * returns only when fluentd has answered with that id. Fluency's own buffering and retries are not
 * used; the spool and the delivery loop do that job.
 */
final class ForwardTransport implements Transport {
  private final String tag;
  private final String peer;
  private final FluentdIngester ingester;

  /**
   * @param timeout bounds the connect and the wait for the ack, each
   */
  ForwardTransport(String host, int port, String tag, Duration timeout) {
    this.tag = tag;
    this.peer = host + ":" + port;
    TCPSender.Config sender = new TCPSender.Config();
    sender.setHost(host);
    sender.setPort(port);
    sender.setConnectionTimeoutMilli(Math.toIntExact(timeout.toMillis()));
    sender.setReadTimeoutMilli(Math.toIntExact(timeout.toMillis()));
    // Fluency would sleep this long in close() to let a fire-and-forget send finish; acks make
    // that pointless.
    sender.setWaitBeforeCloseMilli(0);
    FluentdIngester.Config ingest = new FluentdIngester.Config();
    ingest.setAckResponseMode(true);
    this.ingester = new FluentdIngester(ingest, new TCPSender(sender));
  }

  @Override
  public void send(List<byte[]> entries) throws IOException {
    int length = 0;
    for (byte[] entry : entries) {
      length += entry.length;
    }
    ByteBuffer body = ByteBuffer.allocate(length);
    for (byte[] entry : entries) {
      body.put(entry);
    }
    body.flip();
    try {
      // Packs [tag, entries, {size, chunk}], sends it and waits for {ack: chunk}; on any failure
      // the sender has already closed its socket.
      ingester.ingest(tag, body);
    } catch (RuntimeException e) {
      // A peer answering nonsense can surface as an unchecked exception inside fluency.
      throw new IOException("fluentd forward failed: " + e, e);
    }
  }

  @Override
  public String peer() {
    return peer;
  }

  @Override
  public void close() {
    try {
      ingester.close();
    } catch (IOException e) {
      // Closing a socket that is already gone; nothing is pending at this point.
    }
  }
}
