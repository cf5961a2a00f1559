package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BufferPoolTest {
  private final BufferPool pool = new BufferPool();

  @Test
  void take_arrayGivenBackIsLargeEnough_returnsThatArray() {
    byte[] given = new byte[1000];
    pool.giveBack(given);

    byte[] taken = pool.take(900, 1200);

    assertThat(taken).isSameAs(given);
  }

  @Test
  void take_pooledArraysTooSmall_allocatesTheRoomyNewSize() {
    pool.giveBack(new byte[100]);

    byte[] taken = pool.take(900, 1200);

    assertThat(taken).hasSize(1200);
  }

  @Test
  void giveBack_beyondWhatIsKept_keepsTheLargestArray() {
    byte[] small = new byte[10];
    byte[] large = new byte[30];
    byte[] medium = new byte[20];
    pool.giveBack(small);
    pool.giveBack(large);
    pool.giveBack(medium);

    byte[] first = pool.take(1, 1);
    byte[] second = pool.take(1, 1);

    assertThat(first).isSameAs(large);
    assertThat(second).isNotSameAs(medium).isNotSameAs(small).hasSize(1);
  }
}
