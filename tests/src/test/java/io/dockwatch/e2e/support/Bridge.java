package io.dockwatch.e2e.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A host bridge of the tests' own, {@code dwt<N>} with the address {@code 10.213.<N>.1/24}, so that
 * a private engine never shares a bridge, a subnet or firewall rules with another engine on the
 * machine.
 */
final class Bridge implements AutoCloseable {
  private static final String PREFIX = "dwt";
  private static final int HIGHEST = 254;

  private final String name;
  private final int number;

  private Bridge(String name, int number) {
    this.name = name;
    this.number = number;
  }

  /** Creates the first free bridge; a name taken by another run is skipped, not reused. */
  static Bridge create() {
    for (int n = 1; n <= HIGHEST; n++) {
      String name = PREFIX + n;
      Command.Result added = ip("link", "add", "name", name, "type", "bridge");
      if (added.succeeded()) {
        Bridge bridge = new Bridge(name, n);
        bridge.configure();
        return bridge;
      }
      if (!added.stderr().contains("File exists")) {
        added.stdoutOrFail();
      }
    }
    throw new IllegalStateException("every bridge name " + PREFIX + "1.." + HIGHEST + " is taken");
  }

  private void configure() {
    try {
      ip("addr", "add", gateway() + "/24", "dev", name).stdoutOrFail();
      ip("link", "set", name, "up").stdoutOrFail();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  String name() {
    return name;
  }

  /** The host's address on this bridge, which the engine also hands to containers as gateway. */
  String gateway() {
    return "10.213." + number + ".1";
  }

  @Override
  public void close() {
    ip("link", "del", name);
  }

  private static Command.Result ip(String... args) {
    List<String> argv = new ArrayList<>(List.of("ip"));
    argv.addAll(List.of(args));
    return Command.run(argv);
  }
}
