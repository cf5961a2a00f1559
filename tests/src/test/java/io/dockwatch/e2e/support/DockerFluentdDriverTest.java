package io.dockwatch.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Docker's own fluentd logging driver, a real forward-protocol client, delivers a container's
 * stdout to the receiver: the proof that the receiver speaks the protocol as peers do.
 */
@ExtendWith(E2eExtension.class)
class DockerFluentdDriverTest {
  private static final int LINES = 200;
  private static final List<String> SENT =
      IntStream.rangeClosed(1, LINES).mapToObj(i -> "line-" + i).toList();

  private final Engine engine;
  private final ForwardReceiver receiver;

  DockerFluentdDriverTest(Engine engine, ForwardReceiver receiver) {
    this.engine = engine;
    this.receiver = receiver;
  }

  @ParameterizedTest(name = "with {0}")
  @ValueSource(strings = {"fluentd-async=false", "fluentd-async=true"})
  void fluentdDriver_containerPrintingLines_deliversEachLineInOrder(String option) {
    String tag = "e2e.driver." + option.replaceAll("[^a-z]", "");

    String id = printLines(tag, option);

    List<ForwardEntry> received = receiver.awaitEntries(entry -> entry.tag().equals(tag), LINES);
    System.out.printf(
        "[measure] fluentd driver %s: %d records received of %d lines sent%n",
        option, received.size(), LINES);
    assertThat(received).extracting(entry -> entry.field("log")).containsExactlyElementsOf(SENT);
    assertThat(received)
        .allSatisfy(
            entry -> {
              assertThat(entry.field("container_id")).isEqualTo(id);
              assertThat(entry.field("source")).isEqualTo("stdout");
            });
    assertThat(receiver.problems()).isEmpty();
  }

  @Test
  void fluentdDriver_subSecondPrecision_sendsEventTimesWithNanoseconds() {
    printLines("e2e.driver.subsecond", "fluentd-sub-second-precision=true");

    List<ForwardEntry> received =
        receiver.awaitEntries(entry -> entry.tag().equals("e2e.driver.subsecond"), LINES);

    assertThat(received).anySatisfy(entry -> assertThat(entry.time().getNano()).isNotZero());
  }

  @Test
  void fluentdDriver_requestAck_getsEveryChunkAcknowledged() {
    printLines("e2e.driver.ack", "fluentd-request-ack=true");

    List<ForwardEntry> received =
        receiver.awaitEntries(entry -> entry.tag().equals("e2e.driver.ack"), LINES);

    assertThat(received).extracting(entry -> entry.field("log")).containsExactlyElementsOf(SENT);
    assertThat(receiver.chunksAcknowledged()).isEqualTo(LINES);
  }

  private String printLines(String tag, String option) {
    List<String> args = new ArrayList<>(List.of("--log-driver", "fluentd"));
    args.addAll(List.of("--log-opt", "fluentd-address=" + receiver.address()));
    args.addAll(List.of("--log-opt", "tag=" + tag, "--log-opt", option));
    args.addAll(
        List.of(
            Engine.IMAGE, "sh", "-c", "for i in $(seq 1 " + LINES + "); do echo line-$i; done"));
    return engine.run(args.toArray(String[]::new));
  }
}
