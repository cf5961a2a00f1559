package io.dockwatch.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the agent saw happen inside one container, beyond its inspect data.
 *
 * @param processes the names of the processes running in it (program names only, never command
 *     lines, which can carry passwords), read from the host through the engine's {@code top}; empty
 *     when not read
 * @param processesReadAt when the process list was read
 * @param execsWatched whether exec sessions were watched at all (the running agent watches the
 *     engine's events; a one-off audit does not)
 * @param execs the exec sessions started in it, tallied by kind
 * @param starts the distinct times it was started, newest last, for restart loops
 */
public record ContainerActivity(
    Optional<List<String>> processes,
    Instant processesReadAt,
    boolean execsWatched,
    List<ExecTally> execs,
    List<Instant> starts) {

  public static final ContainerActivity NONE =
      new ContainerActivity(Optional.empty(), Instant.EPOCH, false, List.of(), List.of());

  public ContainerActivity {
    processes = processes.map(List::copyOf);
    execs = List.copyOf(execs);
    starts = List.copyOf(starts);
  }

  /**
   * The exec sessions of one kind in a container.
   *
   * @param lastUser the user the last of them ran as, as the engine reports it (empty: the
   *     container's own user)
   */
  public record ExecTally(
      ExecSession.Kind kind, long count, Instant first, Instant last, String lastUser) {}
}
