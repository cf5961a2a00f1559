package io.dockwatch.e2e.support;

import io.dockwatch.e2e.support.ForwardDecoder.ForwardMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * One bound life of a forward-protocol server on the loopback address: a thread accepts, and a
 * thread per connection reads messages, hands them to an {@link Inbox} and acknowledges those that
 * ask for it.
 */
final class ForwardListener implements AutoCloseable {
  /** Where the messages go; it decides whether each is kept and acknowledged. */
  interface Inbox {
    /** Returns false to drop the connection, unacknowledged. */
    boolean deliver(ForwardMessage message);

    /** A message that could not be read, told in words. */
    void problem(String description);
  }

  private final ServerSocket server;
  private final Inbox inbox;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closing = new AtomicBoolean();

  private ForwardListener(ServerSocket server, Inbox inbox) {
    this.server = server;
    this.inbox = inbox;
    String name = "forward-" + server.getLocalPort();
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Listens on 127.0.0.1:{@code port}, or an ephemeral port for 0. */
  static ForwardListener bind(int port, Inbox inbox) {
    try {
      ServerSocket server = new ServerSocket();
      // A restart must get the same port back while old connections linger in TIME_WAIT.
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      ForwardListener listener = new ForwardListener(server, inbox);
      listener.threads.execute(listener::acceptAll);
      return listener;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptAll() {
    while (!closing.get()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        if (closing.get()) {
          socket.close(); // accepted while close() ran: it may not have seen this one
          return;
        }
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        if (!closing.get()) {
          inbox.problem("accept failed: " + e);
        }
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(socket.getInputStream())) {
      OutputStream out = socket.getOutputStream();
      while (unpacker.hasNext()) {
        ForwardMessage message = ForwardDecoder.decode(unpacker.unpackValue());
        if (!inbox.deliver(message)) {
          return;
        }
        if (message.chunk().isPresent()) {
          out.write(ack(message.chunk().get()));
          out.flush();
        }
      }
    } catch (MessageInsufficientBufferException e) {
      inbox.problem("the connection ended inside a message");
    } catch (IOException e) {
      // The peer went away, or this listener is closing: either way the connection is over.
    } catch (RuntimeException e) {
      inbox.problem("unreadable message: " + e.getMessage());
    } finally {
      open.remove(socket);
    }
  }

  private static byte[] ack(String chunk) throws IOException {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packMapHeader(1).packString("ack").packString(chunk);
      return packer.toByteArray();
    }
  }

  /** Stops accepting, drops every open connection and waits for the threads to end. */
  @Override
  public void close() {
    closing.set(true);
    try {
      server.close();
      for (Socket socket : open) {
        socket.close();
      }
      threads.shutdown();
      if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the forward listener's threads did not end");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
