package io.dockwatch.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.ExtensionValue;
import org.msgpack.value.MapValue;
import org.msgpack.value.Value;

/**
 * A fluentd forward-protocol peer for tests, on 127.0.0.1. It understands the Message, Forward and
 * PackedForward modes, keeps every event it reads, and answers a {@code chunk} option with its ack
 * unless told to behave badly. It can be stopped and started again on the same port.
 */
final class ForwardReceiver implements AutoCloseable {

  /** How the receiver treats a message after reading it. */
  enum Mode {
    /** Acks every chunk. */
    ACK,
    /** Keeps the events, sends no ack and drops the connection, as if it died mid-request. */
    DROP_WITHOUT_ACK,
    /** Keeps the events and the connection but never answers. */
    HANG
  }

  /** One event as received. */
  record Event(String tag, Instant time, Map<String, Object> record) {
    String recordId() {
      return (String) record.get("record_id");
    }
  }

  private final int port;
  // Not copy-on-write: that copies the whole list on every add.
  private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.ACK;
  private volatile ServerSocket server;

  private ForwardReceiver(int port) {
    this.port = port;
  }

  /** A receiver listening on an ephemeral port. */
  static ForwardReceiver start() throws IOException {
    ServerSocket server = bind(0);
    ForwardReceiver receiver = new ForwardReceiver(server.getLocalPort());
    receiver.serve(server);
    return receiver;
  }

  int port() {
    return port;
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Stops listening and drops every connection. */
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

  /** Listens again on the same port. */
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
    Thread acceptor = new Thread(() -> acceptLoop(listening), "forward-receiver-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        clients.add(client);
        Thread reader = new Thread(() -> readLoop(client), "forward-client-" + port);
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return; // stopped
      }
    }
  }

  private void readLoop(Socket client) {
    try (client;
        InputStream in = client.getInputStream();
        MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(in)) {
      while (unpacker.hasNext()) {
        ArrayValue message = unpacker.unpackValue().asArrayValue();
        Map<String, Object> option = read(message);
        Mode now = mode;
        if (now == Mode.DROP_WITHOUT_ACK) {
          return;
        }
        if (now == Mode.ACK && option.get("chunk") instanceof String chunk) {
          ack(client.getOutputStream(), chunk);
        }
      }
    } catch (IOException e) {
      // The peer went away or the receiver was stopped.
    } finally {
      clients.remove(client);
    }
  }

  private Map<String, Object> read(ArrayValue message) throws IOException {
    String tag = message.get(0).asStringValue().asString();
    Value second = message.get(1);
    if (second.isArrayValue()) {
      for (Value entry : second.asArrayValue()) {
        keep(tag, entry.asArrayValue());
      }
      return option(message, 2);
    }
    if (second.isRawValue()) {
      try (MessageUnpacker entries =
          MessagePack.newDefaultUnpacker(second.asRawValue().asByteArray())) {
        while (entries.hasNext()) {
          keep(tag, entries.unpackValue().asArrayValue());
        }
      }
      return option(message, 2);
    }
    events.add(new Event(tag, time(second), record(message.get(2).asMapValue())));
    return option(message, 3);
  }

  private void keep(String tag, ArrayValue entry) {
    events.add(new Event(tag, time(entry.get(0)), record(entry.get(1).asMapValue())));
  }

  private static Map<String, Object> option(ArrayValue message, int index) {
    return message.size() > index ? record(message.get(index).asMapValue()) : Map.of();
  }

  private static void ack(OutputStream out, String chunk) throws IOException {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packMapHeader(1).packString("ack").packString(chunk);
      out.write(packer.toByteArray());
      out.flush();
    }
  }

  private static Instant time(Value value) {
    if (value.isExtensionValue()) {
      ExtensionValue ext = value.asExtensionValue();
      if (ext.getType() != 0) {
        throw new IllegalArgumentException("not an EventTime: extension type " + ext.getType());
      }
      ByteBuffer data = ByteBuffer.wrap(ext.getData());
      return Instant.ofEpochSecond(Integer.toUnsignedLong(data.getInt()), data.getInt());
    }
    return Instant.ofEpochSecond(value.asIntegerValue().toLong());
  }

  private static Map<String, Object> record(MapValue map) {
    Map<String, Object> record = new LinkedHashMap<>();
    for (Map.Entry<Value, Value> entry : map.entrySet()) {
      record.put(entry.getKey().asStringValue().asString(), plain(entry.getValue()));
    }
    return record;
  }

  private static Object plain(Value value) {
    switch (value.getValueType()) {
      case NIL:
        return null;
      case BOOLEAN:
        return value.asBooleanValue().getBoolean();
      case INTEGER:
        return value.asIntegerValue().toLong();
      case FLOAT:
        return value.asFloatValue().toDouble();
      case STRING:
        return value.asStringValue().asString();
      case ARRAY:
        List<Object> list = new ArrayList<>();
        for (Value element : value.asArrayValue()) {
          list.add(plain(element));
        }
        return list;
      case MAP:
        return record(value.asMapValue());
      case EXTENSION:
        return time(value);
      default:
        return value.asRawValue().asByteArray();
    }
  }
}
