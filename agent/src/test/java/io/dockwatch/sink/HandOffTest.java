package io.dockwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandOffTest {

  @Test
  void offer_beyondCapacity_failsWithoutWaiting() {
    HandOff<String> handOff = new HandOff<>(2, Thread.currentThread());

    List<Boolean> taken = List.of(handOff.offer("a"), handOff.offer("b"), handOff.offer("c"));

    assertThat(taken).containsExactly(true, true, false);
    assertThat(handOff.size()).isEqualTo(2);
  }

  @Test
  void take_afterOffers_returnsItemsInOrderThenNullOnTimeout() {
    HandOff<String> handOff = new HandOff<>(10, Thread.currentThread());
    handOff.offer("a");
    handOff.offer("b");

    List<String> taken = new ArrayList<>();
    taken.add(handOff.take(0));
    taken.add(handOff.take(0));
    taken.add(handOff.take(1_000_000));

    assertThat(taken).containsExactly("a", "b", null);
  }

  @Test
  void size_countsATakenItemUntilHandled() {
    HandOff<String> handOff = new HandOff<>(10, Thread.currentThread());
    handOff.offer("a");

    handOff.take(0);
    int whileInHand = handOff.size();
    handOff.handled();

    assertThat(whileInHand).isEqualTo(1);
    assertThat(handOff.size()).isZero();
  }

  @Test
  void take_whileWaiting_returnsWhatAnotherThreadOffers() throws InterruptedException {
    HandOff<String> handOff = new HandOff<>(10, Thread.currentThread());
    Thread producer = new Thread(() -> handOff.offer("late"));

    producer.start();
    String item = null;
    while (item == null) {
      item = handOff.take(Long.MAX_VALUE);
    }
    producer.join();

    assertThat(item).isEqualTo("late");
  }
}
