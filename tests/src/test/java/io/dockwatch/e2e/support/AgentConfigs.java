package io.dockwatch.e2e.support;

import static java.util.stream.Collectors.joining;

import java.util.Arrays;

/** Configurations the end-to-end tests start the agent with. */
public final class AgentConfigs {
  /** The tenant every compliant test container carries. */
  public static final String[] PROD_LABELS = {
    "--label", "env=prod", "--label", "sys=shop", "--label", "cust=acme"
  };

  private AgentConfigs() {}

  /**
   * The agent watching {@code engine}, forwarding to {@code receiver}, serving metrics on {@code
   * httpPort}: tenancy from labels env/sys/cust, {@code allowedPort}/tcp allowed on 127.0.0.1 only,
   * logs through fluentd to the receiver.
   */
  public static String standard(
      Engine engine,
      ForwardReceiver receiver,
      AgentLauncher agents,
      int httpPort,
      int... allowedPorts) {
    String allowed =
        Arrays.stream(allowedPorts).mapToObj(p -> "\"" + p + "/tcp\"").collect(joining(", "));
    return """
        [agent]
        hostname = "e2e-host"
        state_dir = "%s"
        restate_interval = "1h"
        [docker]
        host = "%s"
        [http]
        listen = "127.0.0.1:%d"
        [fluentd]
        host = "127.0.0.1"
        port = %d
        buffer_dir = "%s/buffer"
        [tenancy.labels]
        environment = "env"
        system = "sys"
        customer = "cust"
        [rules.ports]
        allowed = [%s]
        allowed_addresses = ["127.0.0.1"]
        [rules.logging]
        drivers = ["fluentd"]
        fluentd_address = "%s"
        """
        .formatted(
            agents.stateDir(),
            engine.host(),
            httpPort,
            receiver.port(),
            agents.stateDir(),
            allowed,
            receiver.address());
  }

  /** Log options that make a container compliant with the standard configuration's logging. */
  public static String[] fluentdLogging(ForwardReceiver receiver) {
    return new String[] {
      "--log-driver", "fluentd",
      "--log-opt", "fluentd-address=" + receiver.address(),
      "--log-opt", "fluentd-async=true",
      "--log-opt", "tag=container.{{.Name}}"
    };
  }

  /** A free port on 127.0.0.1. */
  public static int freePort() {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
