package io.dockwatch.cli;

import com.github.dockerjava.transport.SSLConfig;
import io.dockwatch.config.ConfigException;
import io.dockwatch.config.DockerConfig;
import io.dockwatch.docker.HttpEngineClient;
import io.dockwatch.runtime.EngineConnector;
import io.dockwatch.tls.EngineTls;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Connections to the engine as the configuration describes it. */
final class Engines {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private Engines() {}

  /**
   * A connector that, when a TLS connection fails, says which file or mismatch is to blame instead
   * of the transport's bare "broken pipe".
   *
   * @throws ConfigException when the TLS material cannot be used at all
   */
  static EngineConnector connector(DockerConfig docker) throws ConfigException {
    return connector(docker, TIMEOUT);
  }

  /**
   * Like {@link #connector(DockerConfig)}, with connections whose calls give up after {@code
   * timeout}.
   */
  static EngineConnector connector(DockerConfig docker, Duration timeout) throws ConfigException {
    SSLConfig tls = EngineTls.sslConfig(docker);
    return () -> {
      try {
        return HttpEngineClient.connect(docker.host(), tls, timeout);
      } catch (IOException e) {
        Optional<String> why = EngineTls.diagnose(e, docker, tls, PROBE_TIMEOUT);
        if (why.isPresent()) {
          throw new IOException(why.get(), e);
        }
        throw e;
      }
    };
  }
}
