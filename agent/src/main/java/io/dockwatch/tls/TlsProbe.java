package io.dockwatch.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Bare TLS handshakes with the engine, to find out why a connection failed when the HTTP client's
 * error does not say. Under TLS 1.3 the engine judges our client certificate only after our side of
 * the handshake is done, and its alert races with our next write: the HTTP client, busy writing its
 * request, often sees only a broken pipe, and so may a single probe.
 */
final class TlsProbe {
  private static final int ATTEMPTS = 3;
  private static final int VERDICT_MILLIS = 1000;

  private TlsProbe() {}

  /** A TLS handshake that did not complete within the timeout. */
  static final class HandshakeTimeout extends IOException {
    HandshakeTimeout(Duration timeout, Throwable cause) {
      super("no TLS handshake within " + timeout.toMillis() + " ms", cause);
    }
  }

  /**
   * The engine hung up once it had our client certificate, without an alert that reached us: after
   * the handshake, or while we were still writing our part of it (so past its own).
   */
  static final class HungUpOnOurCertificate extends IOException {
    HungUpOnOurCertificate(Throwable cause) {
      super("the engine hung up after receiving our client certificate", cause);
    }
  }

  /**
   * What went wrong in a handshake with {@code engine} (a {@code tcp://host:port} address), or
   * empty when the handshake and the engine's verdict on our certificate both passed. A socket
   * error that lost the engine's alert is retried, since the next try usually reads it.
   */
  static Optional<IOException> handshake(URI engine, SSLContext context, Duration timeout) {
    Optional<IOException> outcome = Optional.empty();
    for (int i = 0; i < ATTEMPTS; i++) {
      outcome = attempt(engine, context, timeout);
      if (outcome.isEmpty() || !isLostAlert(outcome.get())) {
        return outcome;
      }
    }
    IOException last = outcome.get();
    boolean wePassedItsHello = String.valueOf(last.getMessage()).contains("Broken pipe");
    return Optional.of(wePassedItsHello ? new HungUpOnOurCertificate(last) : last);
  }

  private static boolean isLostAlert(IOException failure) {
    String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    return failure instanceof SocketException
        && !(failure instanceof SSLException)
        && (message.contains("broken pipe") || message.contains("connection reset"));
  }

  private static Optional<IOException> attempt(URI engine, SSLContext context, Duration timeout) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(engine.getHost(), engine.getPort()), millis);
      socket.setSoTimeout(millis);
      SSLParameters parameters = socket.getSSLParameters();
      // Check the engine's name as the HTTP client does, so that a mismatch shows here too.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      try {
        socket.startHandshake();
      } catch (SocketTimeoutException e) {
        return Optional.of(new HandshakeTimeout(timeout, e));
      }
      // The verdict on our certificate follows the handshake at once; no need to wait long.
      socket.setSoTimeout(Math.min(millis, VERDICT_MILLIS));
      return verdict(socket.getInputStream());
    } catch (IOException e) {
      return Optional.of(e);
    }
  }

  private static Optional<IOException> verdict(InputStream in) throws IOException {
    try {
      // An accepting engine waits for our request, so the read times out; a rejecting one sends
      // its alert (thrown here) or just closes.
      if (in.read() < 0) {
        return Optional.of(new HungUpOnOurCertificate(null));
      }
      return Optional.empty();
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
  }
}
