package io.dockwatch.sink;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A GELF TCP peer for tests, on 127.0.0.1: reads null-delimited JSON messages and keeps them. It
 * can be stopped and started again on the same port, and told to close every connection it accepts
 * before reading anything.
 */
final class GelfReceiver implements AutoCloseable {
  private static final TypeReference<Map<String, Object>> MESSAGE = new TypeReference<>() {};

  private final int port;
  private final JsonMapper json = new JsonMapper();
  // Not copy-on-write: that copies the whole list on every add.
  private final List<Map<String, Object>> messages =
      Collections.synchronizedList(new ArrayList<>());
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private volatile boolean refusing;
  private volatile ServerSocket server;

  private GelfReceiver(int port) {
    this.port = port;
  }

  static GelfReceiver start() throws IOException {
    ServerSocket server = bind(0);
    GelfReceiver receiver = new GelfReceiver(server.getLocalPort());
    receiver.serve(server);
    return receiver;
  }

  int port() {
    return port;
  }

  List<Map<String, Object>> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  /** When true, each connection is closed as soon as it is accepted. */
  void refusing(boolean refusing) {
    this.refusing = refusing;
  }

  void stop() throws IOException {
    ServerSocket listening = server;
    server = null;
    if (listening != null) {
      listening.close();
    }
    for (Socket client : clients) {
      client.close();
    }
  }

  void restart() throws IOException {
    serve(bind(port));
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return server;
  }

  private void serve(ServerSocket listening) {
    server = listening;
    Thread acceptor = new Thread(() -> acceptLoop(listening), "gelf-receiver-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        if (refusing) {
          client.close();
          continue;
        }
        clients.add(client);
        Thread reader = new Thread(() -> readLoop(client), "gelf-client-" + port);
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return; // stopped
      }
    }
  }

  private void readLoop(Socket client) {
    try (client;
        InputStream in = new BufferedInputStream(client.getInputStream())) {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      int next;
      while ((next = in.read()) >= 0) {
        if (next != 0) {
          message.write(next);
          continue;
        }
        messages.add(json.readValue(message.toByteArray(), MESSAGE));
        message.reset();
      }
    } catch (IOException e) {
      // The peer went away or the receiver was stopped.
    } finally {
      clients.remove(client);
    }
  }
}
