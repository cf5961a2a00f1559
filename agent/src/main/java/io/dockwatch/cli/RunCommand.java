package io.dockwatch.cli;

import io.dockwatch.config.Config;
import io.dockwatch.config.ConfigException;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The daemon: watches the engine until SIGTERM; SIGHUP reloads the configuration. Exits 78 when the
 * configuration (or the state directory it names) cannot be used, 1 when something else keeps it
 * from starting, such as a port already taken.
 */
@Command(
    name = "run",
    description = "Run the agent: watch the engine, forward findings, serve metrics.")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws InterruptedException, IOException {
    Config c;
    try {
      c = config.load();
    } catch (ConfigException e) {
      return ConfigOption.fail(e, System.err);
    }
    StateLock lock;
    Daemon daemon;
    try {
      lock = StateLock.acquire(c.agent().stateDir());
      daemon = Daemon.start(c);
    } catch (ConfigException e) {
      return ConfigOption.fail(e, System.err);
    } catch (IOException e) {
      System.err.println("dockwatch: cannot start: " + e.getMessage());
      return 1;
    }
    try (lock) {
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    daemon.stop();
                    stopped.countDown();
                  },
                  "shutdown"));
      Signals.onHangup(() -> reload(daemon));
      stopped.await();
    }
    return 0;
  }

  private void reload(Daemon daemon) {
    try {
      daemon.reload(config.load());
    } catch (ConfigException e) {
      LOG.error(
          "configuration reload rejected, keeping the running one:\n  {}",
          String.join("\n  ", e.problems()));
    }
  }
}
