package io.dockwatch.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach the engine.
 *
 * @param host {@code unix:///path} or {@code tcp://host:port}
 * @param tls client certificate settings, or {@code null} for a unix socket
 * @param pingInterval how often a quiet event stream is checked with a ping
 */
public record DockerConfig(URI host, Tls tls, Duration pingInterval) {

  /** Mutual TLS material, each a PEM file. */
  public record Tls(Path ca, Path cert, Path key) {}

  public boolean isTcp() {
    return "tcp".equals(host.getScheme()) || "https".equals(host.getScheme());
  }
}
