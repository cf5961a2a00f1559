package io.dockwatch.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Stands in for an engine's TCP port on 127.0.0.1: answers each connection's first request with a
 * {@code /version} body and closes it. Over TLS it requires a client certificate and, like the real
 * engine, tells a rejected client why with an alert; the JDK's own HTTPS server would just hang up.
 */
final class FakeEngine implements AutoCloseable {
  private static final String VERSION = "{\"ApiVersion\":\"1.45\"}";

  private final ServerSocket server;
  private final boolean rejectsGarbage;
  private final Thread acceptor;

  private FakeEngine(ServerSocket server, boolean rejectsGarbage) {
    this.server = server;
    this.rejectsGarbage = rejectsGarbage;
    this.acceptor = new Thread(this::serve, "fake-engine");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A plain HTTP port that waits forever for the end of a request line a TLS greeting lacks. */
  static FakeEngine silentPlain() throws IOException {
    return new FakeEngine(new ServerSocket(0, 4, InetAddress.getLoopbackAddress()), false);
  }

  /** A plain HTTP port that answers anything it cannot parse with 400, as most servers do. */
  static FakeEngine plain() throws IOException {
    return new FakeEngine(new ServerSocket(0, 4, InetAddress.getLoopbackAddress()), true);
  }

  /** A TLS port presenting the identity in {@code context} and requiring a client certificate. */
  static FakeEngine mutualTls(SSLContext context) throws IOException {
    SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 4, InetAddress.getLoopbackAddress());
    server.setNeedClientAuth(true);
    return new FakeEngine(server, false);
  }

  URI uri() {
    return URI.create("tcp://127.0.0.1:" + server.getLocalPort());
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket connection = server.accept()) {
        connection.setSoTimeout(10_000);
        if (rejectsGarbage && connection.getInputStream().read() != 'G') {
          connection
              .getOutputStream()
              .write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (readHeaders(connection.getInputStream())) {
          OutputStream out = connection.getOutputStream();
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                      + "Content-Length: "
                      + VERSION.length()
                      + "\r\n\r\n"
                      + VERSION)
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (IOException e) {
        // A refused handshake or a client gone: the next connection is served all the same.
      }
    }
  }

  private static boolean readHeaders(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b >= 0; b = in.read()) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == end.length) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
