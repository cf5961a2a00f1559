package io.dockwatch.e2e.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Test containers that break one rule of {@link AgentConfigs#standard} in a known way: they carry
 * {@code env=prod} but neither {@code sys} nor {@code cust}, so each has a {@value #RULE} finding
 * of its own, whatever else the engine runs.
 */
public final class Offenders {
  /** The rule every offender breaks. */
  public static final String RULE = "tenancy.unlabelled";

  /** Sleeps, and exits at once on SIGTERM so that stopping the engine does not wait for it. */
  private static final String[] SLEEPER = {
    Engine.IMAGE, "sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"
  };

  private Offenders() {}

  /** Starts an offender named {@code name}, with extra {@code docker run} options; its id. */
  public static String run(Engine engine, String name, String... options) {
    return engine.run(argv(name, options));
  }

  /** Creates an offender without starting it, labelled as a test container; its id. */
  public static String create(Engine engine, String name, String... options) {
    List<String> argv = new ArrayList<>(List.of("create", "--label", Engine.TEST_LABEL));
    argv.addAll(List.of(argv(name, options)));
    return engine.docker(argv.toArray(String[]::new));
  }

  private static String[] argv(String name, String... options) {
    List<String> argv = new ArrayList<>(List.of("--name", name, "--label", "env=prod"));
    argv.addAll(List.of(options));
    argv.addAll(List.of(SLEEPER));
    return argv.toArray(String[]::new);
  }
}
