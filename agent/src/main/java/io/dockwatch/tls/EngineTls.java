package io.dockwatch.tls;

import com.github.dockerjava.transport.SSLConfig;
import io.dockwatch.config.ConfigException;
import io.dockwatch.config.DockerConfig;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The transport rule for the engine, and plain words for its TLS failures. A unix socket is used as
 * is; a TCP engine is reached only over mutual TLS, so that the agent never sends a plain request
 * to a TLS port (nor lets a plain port pass for a TLS one).
 */
public final class EngineTls {
  private EngineTls() {}

  /**
   * The TLS settings to connect with: {@code null} for a unix socket, the mutual TLS context for a
   * TCP engine.
   *
   * @throws ConfigException when a TCP engine has no TLS settings, or a PEM file is unusable
   */
  public static SSLConfig sslConfig(DockerConfig docker) throws ConfigException {
    if (!docker.isTcp()) {
      return null;
    }
    if (docker.tls() == null) {
      throw new ConfigException(
          List.of(
              "docker.host: \""
                  + docker.host()
                  + "\" is a TCP engine, reached only over mutual TLS;"
                  + " set docker.tls.ca, docker.tls.cert and docker.tls.key"));
    }
    return TlsContexts.engineClient(docker.tls());
  }

  /**
   * A sentence naming the file or the mismatch behind a failed connection to a TCP engine. When the
   * failure itself does not say (a broken pipe, a reset, a timeout), one bare handshake with the
   * engine is tried to find out. Empty when TLS is not the cause, and always for a unix socket.
   *
   * @param tls what the failed connection used, from {@link #sslConfig}
   * @param timeout for the probe's connect, handshake and read
   */
  public static Optional<String> diagnose(
      Throwable failure, DockerConfig docker, SSLConfig tls, Duration timeout) {
    Optional<String> direct = explain(failure, docker);
    if (direct.isPresent() || !docker.isTcp() || tls == null) {
      return direct;
    }
    SSLContext context;
    try {
      context = tls.getSSLContext();
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
    return TlsProbe.handshake(docker.host(), context, timeout)
        .flatMap(probeFailure -> explain(probeFailure, docker));
  }

  /**
   * A sentence naming the file or the mismatch behind a failed connection to a TCP engine, when the
   * failure is one of the common TLS ones; empty otherwise, and always for a unix socket.
   */
  public static Optional<String> explain(Throwable failure, DockerConfig docker) {
    if (!docker.isTcp() || docker.tls() == null) {
      return Optional.empty();
    }
    DockerConfig.Tls tls = docker.tls();
    String engine = "engine at " + docker.host();
    List<Throwable> chain = causes(failure);
    String text = String.join("\n", chain.stream().map(String::valueOf).toList());
    String lower = text.toLowerCase(Locale.ROOT);
    if (has(chain, CertificateExpiredException.class)
        || has(chain, CertificateNotYetValidException.class)) {
      return Optional.of(
          engine
              + ": its certificate (or its CA's) is expired or not yet valid;"
              + " check the engine's --tlscert and the clock");
    }
    if (has(chain, CertPathBuilderException.class)
        || has(chain, CertPathValidatorException.class)
        || lower.contains("pkix path")) {
      return Optional.of(engine + ": engine certificate not signed by docker.tls.ca " + tls.ca());
    }
    if (lower.contains("subject alternative") || lower.contains("no name matching")) {
      return Optional.of(
          engine
              + ": engine certificate does not name "
              + docker.host().getHost()
              + " among its subject alternative names; reissue it with that name or IP address,"
              + " or connect by a name it carries");
    }
    Optional<Throwable> silent = find(chain, TlsProbe.HandshakeTimeout.class);
    if (silent.isPresent()) {
      return Optional.of(
          engine
              + ": the engine did not answer a TLS handshake ("
              + silent.get().getMessage()
              + "); is this a plain HTTP port?");
    }
    if (has(chain, SSLException.class) && lower.contains("unrecognized ssl message")) {
      return Optional.of(
          engine
              + ": the engine does not speak TLS on this port (a plain HTTP listener?);"
              + " the agent reaches TCP engines only over TLS");
    }
    if (has(chain, TlsProbe.HungUpOnOurCertificate.class)
        || lower.contains("alert: bad_certificate")
        || lower.contains("alert: certificate_required")
        || lower.contains("alert: unknown_ca")
        || lower.contains("alert: certificate_unknown")) {
      return Optional.of(
          engine
              + ": engine did not ask for / accept our client certificate docker.tls.cert "
              + tls.cert()
              + "; is it signed by the CA the engine trusts (its --tlscacert), and valid now?");
    }
    if (lower.contains("alert: certificate_expired")) {
      return Optional.of(
          engine
              + ": the engine says our client certificate docker.tls.cert "
              + tls.cert()
              + " has expired");
    }
    if (lower.contains("alert: protocol_version") || lower.contains("no appropriate protocol")) {
      return Optional.of(engine + ": the engine and the agent share no TLS version (1.2 or 1.3)");
    }
    return Optional.empty();
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
    return find(chain, type).isPresent();
  }

  private static Optional<Throwable> find(List<Throwable> chain, Class<? extends Throwable> type) {
    return chain.stream().filter(type::isInstance).findFirst();
  }
}
