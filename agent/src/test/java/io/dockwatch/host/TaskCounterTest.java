package io.dockwatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.host.CgroupStats.TaskStates;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskCounterTest {
  private static final String TASKS = "sys/fs/cgroup/memory/docker/c1/tasks";

  @TempDir Path root;

  @Test
  void count_tasksInEachState_countsThemByLetter() {
    Tree tree =
        Tree.at(root)
            .file(TASKS, "10\n11\n12\n13\n14\n15\n16\n17\n")
            .file("proc/10/stat", stat(10, "sh", 'S'))
            .file("proc/11/stat", stat(11, "worker", 'R'))
            .file("proc/12/stat", stat(12, "worker", 'D'))
            .file("proc/13/stat", stat(13, "worker", 'T'))
            .file("proc/14/stat", stat(14, "traced", 't'))
            .file("proc/15/stat", stat(15, "zombie", 'Z'))
            .file("proc/16/stat", stat(16, "idle", 'I'))
            .file("proc/17/stat", stat(17, "sh", 'S'));

    Optional<TaskStates> tasks = new TaskCounter(tree.files()).count(TASKS);

    assertThat(tasks).contains(new TaskStates(2, 1, 2, 1));
  }

  @Test
  void count_roundsBetweenCounts_serveTheLastCountThenCountAnew() {
    Tree tree = Tree.at(root).file(TASKS, "10\n").file("proc/10/stat", stat(10, "sh", 'S'));
    TaskCounter counter = new TaskCounter(tree.files());
    counter.count(TASKS);
    tree.file("proc/10/stat", stat(10, "sh", 'T'));

    Optional<TaskStates> between = Optional.empty();
    for (int round = 1; round < TaskCounter.EVERY; round++) {
      between = counter.count(TASKS);
    }
    Optional<TaskStates> anew = counter.count(TASKS);

    assertThat(between).contains(new TaskStates(1, 0, 0, 0));
    assertThat(anew).contains(new TaskStates(0, 0, 1, 0));
  }

  @Test
  void retainTouched_cgroupNotAskedForARound_isCountedAnewWhenItComesBack() {
    Tree tree = Tree.at(root).file(TASKS, "10\n").file("proc/10/stat", stat(10, "sh", 'S'));
    TaskCounter counter = new TaskCounter(tree.files());
    counter.count(TASKS);
    counter.retainTouched();
    counter.retainTouched();
    tree.file("proc/10/stat", stat(10, "sh", 'R'));

    Optional<TaskStates> back = counter.count(TASKS);

    assertThat(back).contains(new TaskStates(0, 1, 0, 0));
  }

  @Test
  void count_taskEndedBetweenTheListAndItsStat_isInNoState() {
    Tree tree = Tree.at(root).file(TASKS, "10\n11\n").file("proc/10/stat", stat(10, "sh", 'S'));

    Optional<TaskStates> tasks = new TaskCounter(tree.files()).count(TASKS);

    assertThat(tasks).contains(new TaskStates(1, 0, 0, 0));
  }

  @Test
  void count_emptyList_isAllZero() {
    Tree tree = Tree.at(root).file(TASKS, "");

    Optional<TaskStates> tasks = new TaskCounter(tree.files()).count(TASKS);

    assertThat(tasks).contains(new TaskStates(0, 0, 0, 0));
  }

  @Test
  void count_listWithOddLines_countsTheIds() {
    Tree tree =
        Tree.at(root)
            .file(TASKS, "\n10\n../10\n-10\nten\n10")
            .file("proc/10/stat", stat(10, "sh", 'R'));

    Optional<TaskStates> tasks = new TaskCounter(tree.files()).count(TASKS);

    assertThat(tasks).contains(new TaskStates(0, 2, 0, 0));
  }

  @Test
  void count_listUnreadable_isEmpty() {
    Optional<TaskStates> tasks = new TaskCounter(Tree.at(root).files()).count(TASKS);

    assertThat(tasks).isEmpty();
  }

  @Test
  void stateLetter_commandWithParenthesesAndBlanks_isReadAfterTheLastParenthesis() {
    char state = TaskCounter.stateLetter(stat(10, "a) R (b", 'S'));

    assertThat(state).isEqualTo('S');
  }

  @Test
  void stateLetter_textCutShort_isBlank() {
    assertThat(TaskCounter.stateLetter("10 (sh)")).isEqualTo(' ');
    assertThat(TaskCounter.stateLetter("")).isEqualTo(' ');
  }

  private static String stat(int id, String command, char state) {
    return id + " (" + command + ") " + state + " 1 " + id + " " + id + " 0 -1 4194560 120 0 0 0\n";
  }
}
