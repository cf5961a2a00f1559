package io.dockwatch.host;

import io.dockwatch.host.CgroupStats.TaskStates;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts a cgroup's tasks by scheduler state: the cgroup lists its tasks' ids (v1 {@code tasks}, v2
 * {@code cgroup.threads}) and {@code /proc/<id>/stat} gives each task's state letter. That is one
 * file read per task each round, so the list is walked without splitting it into strings.
 *
 * <p>A read costs about 10 µs, almost all of it in the kernel, so a container of hundreds of
 * threads would cost milliseconds every round: a cgroup's tasks are counted on its first round and
 * then every {@value #EVERY} rounds, the counts of the rounds between served from the last count.
 * States are a slow-moving gauge; the container's other usage is read every round.
 *
 * <p>cAdvisor asks the kernel's taskstats interface over netlink instead, which also counts the
 * tasks that wait on I/O; {@code /proc} shows no such state, so that count is not made here. Like
 * cAdvisor's, the count covers the cgroup's own tasks, not those of cgroups nested in it.
 */
final class TaskCounter {
  /** Every how many rounds a cgroup's tasks are counted anew. */
  static final int EVERY = 4;

  private final HostFiles files;
  private final Map<String, Counted> counted = new HashMap<>();

  TaskCounter(HostFiles files) {
    this.files = files;
  }

  /**
   * The tasks listed in {@code listFile} by state, as of this round or one of the last {@value
   * #EVERY}; empty when the list cannot be read.
   */
  Optional<TaskStates> count(String listFile) {
    Counted last = counted.get(listFile);
    if (last != null && last.roundsLeft > 0) {
      last.roundsLeft--;
      last.touched = true;
      return Optional.of(last.states);
    }
    Optional<TaskStates> now = countNow(listFile);
    now.ifPresentOrElse(
        states -> counted.put(listFile, new Counted(states)), () -> counted.remove(listFile));
    return now;
  }

  /** Forgets the counts of cgroups not asked for since the last call. */
  void retainTouched() {
    counted.values().removeIf(c -> !c.touched);
    counted.values().forEach(c -> c.touched = false);
  }

  private Optional<TaskStates> countNow(String listFile) {
    Optional<String> list = files.read(listFile);
    if (list.isEmpty()) {
      return Optional.empty();
    }
    int sleeping = 0;
    int running = 0;
    int stopped = 0;
    int uninterruptible = 0;
    for (String id : Text.lines(list.get())) {
      switch (state(id.strip())) {
        case 'S' -> sleeping++;
        case 'R' -> running++;
        case 'T', 't' -> stopped++;
        case 'D' -> uninterruptible++;
        default -> {}
      }
    }
    return Optional.of(new TaskStates(sleeping, running, stopped, uninterruptible));
  }

  /** The state letter of task {@code id}, or a blank when it has ended or the id is no number. */
  private char state(String id) {
    if (!Text.isInteger(id)) {
      return ' ';
    }
    return files.read("proc/" + id + "/stat").map(TaskCounter::stateLetter).orElse(' ');
  }

  /**
   * The state letter of a {@code /proc/<id>/stat} text. It follows the command name, which is in
   * parentheses and may itself hold parentheses and blanks, so it is found after the last ')'.
   */
  static char stateLetter(String stat) {
    int close = stat.lastIndexOf(')');
    return close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : ' ';
  }

  /** A count and how many more rounds it serves. */
  private static final class Counted {
    private final TaskStates states;
    private int roundsLeft = EVERY - 1;
    private boolean touched = true;

    Counted(TaskStates states) {
      this.states = states;
    }
  }
}
