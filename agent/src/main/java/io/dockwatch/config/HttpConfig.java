package io.dockwatch.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * The metrics and health endpoint.
 *
 * @param listen the address to bind; loopback unless the operator says otherwise
 * @param tlsCert PEM certificate chain, or {@code null} for plain HTTP
 * @param tlsKey PEM private key, or {@code null}
 * @param basicAuth user name to password hash ({@code sha256:HEX}); empty for no authentication
 */
public record HttpConfig(
    InetSocketAddress listen, Path tlsCert, Path tlsKey, Map<String, String> basicAuth) {

  public HttpConfig {
    basicAuth = Map.copyOf(basicAuth);
  }
}
