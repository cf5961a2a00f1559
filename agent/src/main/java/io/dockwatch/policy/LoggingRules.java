package io.dockwatch.policy;

import io.dockwatch.config.RulesConfig;
import io.dockwatch.docker.ContainerSnapshot;
import java.util.List;

/** Containers log through the fluentd driver to the host's log proxy. */
final class LoggingRules {
  static final String FLUENTD_ADDRESS = "fluentd-address";

  private LoggingRules() {}

  static List<ContainerRule> all(RulesConfig config) {
    return List.of(new Driver(config), new Address(config));
  }

  static List<HostRule> hostRules(RulesConfig config) {
    return List.of(new DaemonDefault(config));
  }

  /**
   * The daemon's default driver, which every container gets unless it names its own, is not an
   * allowed one (CIS 2.13). Stricter than docker-bench-security, which only rejects {@code
   * json-file} and so passes {@code none} and {@code local}: neither reaches a central log system.
   */
  static final class DaemonDefault implements HostRule {
    private final RulesConfig config;

    DaemonDefault(RulesConfig config) {
      this.config = config;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("logging.daemon-default");
    }

    @Override
    public Outcome evaluate(HostContext host) {
      var engine = Facts.engine(host);
      if (engine.isEmpty()) {
        return Facts.engineUnknown(host);
      }
      String driver = engine.get().loggingDriver();
      if (config.loggingDrivers().contains(driver)) {
        return Outcome.pass("LoggingDriver", driver);
      }
      return Outcome.fail(
          Violation.of(
              driver,
              "The daemon's default logging driver is \""
                  + driver
                  + "\"; allowed: "
                  + String.join(", ", config.loggingDrivers()),
              "LoggingDriver",
              driver,
              "allowed",
              config.loggingDrivers()));
    }
  }

  static final class Driver implements ContainerRule {
    private final RulesConfig config;

    Driver(RulesConfig config) {
      this.config = config;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("logging.driver");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      if (config.loggingDrivers().contains(c.logDriver())) {
        return Outcome.pass("HostConfig.LogConfig.Type", c.logDriver());
      }
      return Outcome.fail(
          Violation.of(
              c.logDriver(),
              "Container "
                  + c.name()
                  + " logs with driver \""
                  + c.logDriver()
                  + "\"; allowed: "
                  + String.join(", ", config.loggingDrivers()),
              "HostConfig.LogConfig.Type",
              c.logDriver(),
              "allowed",
              config.loggingDrivers()));
    }
  }

  /**
   * The fluentd driver sends to the configured proxy. Without {@code fluentd-address} the driver
   * sends to its own default, {@code localhost:24224}, which is what is compared then.
   */
  static final class Address implements ContainerRule {
    private final RulesConfig config;

    Address(RulesConfig config) {
      this.config = config;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("logging.address");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      if (!"fluentd".equals(c.logDriver())) {
        return Outcome.info("the container does not log through fluentd (see logging.driver)");
      }
      if (config.fluentdAddress().isEmpty()) {
        return Outcome.info("no log proxy address is configured (rules.logging.fluentd_address)");
      }
      String actual = c.logOptions().getOrDefault(FLUENTD_ADDRESS, "");
      if (normalise(actual).equals(normalise(config.fluentdAddress()))) {
        return Outcome.pass("HostConfig.LogConfig.Config.fluentd-address", actual);
      }
      return Outcome.fail(
          Violation.of(
              actual.isEmpty() ? "(default)" : actual,
              "Container "
                  + c.name()
                  + " sends its logs to "
                  + (actual.isEmpty() ? "the driver's default localhost:24224" : actual)
                  + ", not to the log proxy "
                  + config.fluentdAddress(),
              "HostConfig.LogConfig.Config.fluentd-address",
              actual,
              "expected",
              config.fluentdAddress()));
    }

    /** {@code tcp://h:p}, {@code h:p} and the driver's defaults name the same endpoint. */
    static String normalise(String address) {
      String a = address.trim();
      if (a.startsWith("tcp://")) {
        a = a.substring("tcp://".length());
      }
      if (a.isEmpty()) {
        a = "localhost:24224";
      }
      if (!a.startsWith("unix://") && !a.contains(":")) {
        a = a + ":24224";
      }
      return a.replace("localhost:", "127.0.0.1:");
    }
  }
}
