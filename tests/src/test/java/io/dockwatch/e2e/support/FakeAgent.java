package io.dockwatch.e2e.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the agent in the tests of {@link AgentProcess}: it behaves in known ways, so that
 * those tests depend on nothing the real agent does.
 *
 * <ul>
 *   <li>{@code serve PORT}: prints a start line, logs to stderr, answers {@code GET /healthz} on
 *       127.0.0.1:PORT, and prints a stop line from its shutdown hook on SIGTERM.
 *   <li>{@code exit CODE}: prints one line and exits with CODE.
 * </ul>
 */
public final class FakeAgent {
  static final String STARTED = "{\"event\":\"started\"}";
  static final String STOPPING = "{\"event\":\"stopping\"}";

  private FakeAgent() {}

  public static void main(String[] args) throws IOException {
    if (args[0].equals("exit")) {
      System.out.println("{\"event\":\"exiting\"}");
      System.exit(Integer.parseInt(args[1]));
    }
    int port = Integer.parseInt(args[1]);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/healthz",
        exchange -> {
          byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(STOPPING)));
    System.err.println("INFO fake agent listening port=" + port);
    System.out.println(STARTED);
  }
}
