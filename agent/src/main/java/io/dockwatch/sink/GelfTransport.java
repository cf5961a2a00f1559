package io.dockwatch.sink;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

/**
 * GELF over TCP: each message followed by a null byte, on one long-lived connection.
 *
 * <p>TCP GELF has no acknowledgement, so "delivered" means less than with fluentd: the batch was
 * written to a connected socket and flushed, and the connection was still open (no close, no reset
 * from the peer) for a short confirmation window afterwards. A peer that closes or resets the
 * connection before, during or just after the write makes the batch count as not delivered, and it
 * is sent again on a new connection. A peer that vanishes later, with the bytes in its buffers, can
 * still lose them; duplicates after a resend carry the same {@code _record_id}.
 */
final class GelfTransport implements Transport {
  private final InetSocketAddress address;
  private final String peer;
  private final Duration timeout;
  private final Duration confirmWindow;
  private final ByteBuffer scratch = ByteBuffer.allocate(512);
  private volatile Connection connection;

  private record Connection(SocketChannel channel, Selector selector, SelectionKey key) {
    void close() {
      try {
        selector.close();
        channel.close();
      } catch (IOException e) {
        // Already broken; closing it is all that was wanted.
      }
    }
  }

  /**
   * @param timeout bounds the connect and the write of one batch, each
   * @param confirmWindow how long the connection must stay open after a write for the batch to
   *     count as delivered
   */
  GelfTransport(String host, int port, Duration timeout, Duration confirmWindow) {
    this.address = InetSocketAddress.createUnresolved(host, port);
    this.peer = host + ":" + port;
    this.timeout = timeout;
    this.confirmWindow = confirmWindow;
  }

  @Override
  public void send(List<byte[]> messages) throws IOException {
    try {
      Connection open = connected();
      confirmOpen(open, Duration.ZERO);
      write(open, frames(messages));
      confirmOpen(open, confirmWindow);
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  @Override
  public String peer() {
    return peer;
  }

  @Override
  public void close() {
    Connection open = connection;
    connection = null;
    if (open != null) {
      open.close();
    }
  }

  private static ByteBuffer frames(List<byte[]> messages) {
    int length = 0;
    for (byte[] message : messages) {
      length += message.length + 1;
    }
    ByteBuffer frames = ByteBuffer.allocate(length);
    for (byte[] message : messages) {
      frames.put(message).put((byte) 0);
    }
    return frames.flip();
  }

  private Connection connected() throws IOException {
    Connection open = connection;
    if (open != null) {
      return open;
    }
    SocketChannel channel = SocketChannel.open();
    Selector selector = Selector.open();
    open = new Connection(channel, selector, null);
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      open = new Connection(channel, selector, channel.register(selector, 0));
      InetSocketAddress resolved =
          new InetSocketAddress(address.getHostString(), address.getPort());
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean done = channel.connect(resolved);
      while (!done) {
        await(open, SelectionKey.OP_CONNECT, deadline, "connect");
        done = channel.finishConnect();
      }
    } catch (IOException e) {
      open.close();
      throw e;
    }
    connection = open;
    return open;
  }

  private void write(Connection open, ByteBuffer frames) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (frames.hasRemaining()) {
      if (open.channel().write(frames) == 0) {
        await(open, SelectionKey.OP_WRITE, deadline, "write");
      }
    }
  }

  /**
   * Reads until {@code window} has passed, to learn of a close or reset; a GELF peer never sends
   * anything, so whatever arrives is discarded.
   */
  private void confirmOpen(Connection open, Duration window) throws IOException {
    long deadline = System.nanoTime() + window.toNanos();
    while (true) {
      scratch.clear();
      int read = open.channel().read(scratch);
      if (read < 0) {
        throw new EOFException("peer " + peer + " closed the connection");
      }
      if (deadline - System.nanoTime() <= 0) {
        return;
      }
      try {
        await(open, SelectionKey.OP_READ, deadline, "confirm");
      } catch (SocketTimeoutException e) {
        return;
      }
    }
  }

  private static void await(Connection open, int ops, long deadline, String what)
      throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException(what + " timed out");
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException(what + " interrupted");
    }
    open.key().interestOps(ops);
    open.selector().select(Math.max(1, Duration.ofNanos(left).toMillis()));
    open.selector().selectedKeys().clear();
    open.key().interestOps(0);
  }
}
