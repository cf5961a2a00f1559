package io.dockwatch.host;

import io.dockwatch.host.CgroupStats.TaskStates;
import java.util.Optional;

/**
 * Counts a cgroup's tasks by scheduler state: the cgroup lists its tasks' ids (v1 {@code tasks}, v2
 * {@code cgroup.threads}) and {@code /proc/<id>/stat} gives each task's state letter. That is one
 * file read per task each round, so the list is walked without splitting it into strings.
 *
 * <p>cAdvisor asks the kernel's taskstats interface over netlink instead, which also counts the
 * tasks that wait on I/O; {@code /proc} shows no such state, so that count is not made here. Like
 * cAdvisor's, the count covers the cgroup's own tasks, not those of cgroups nested in it.
 */
final class TaskCounter {
  private final HostFiles files;

  TaskCounter(HostFiles files) {
    this.files = files;
  }

  /** The tasks listed in {@code listFile} by state; empty when the list cannot be read. */
  Optional<TaskStates> count(String listFile) {
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
}
