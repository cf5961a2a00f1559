package io.dockwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

  @Test
  void next_manyTimes_givesDistinctIdsWrittenLikeUuids() {
    RecordIds ids = RecordIds.random();
    Set<String> seen = new HashSet<>();

    for (int i = 0; i < 10_000; i++) {
      seen.add(ids.next());
    }

    assertThat(seen).hasSize(10_000);
    assertThat(seen).allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
  }

  @Test
  void next_fromTwoSinks_neverCollides() {
    RecordIds first = new RecordIds(1);
    RecordIds second = new RecordIds(2);

    assertThat(first.next()).isNotEqualTo(second.next());
  }

  @Test
  void next_withinOneSink_countsUp() {
    RecordIds ids = new RecordIds(0x1234);

    assertThat(ids.next()).isEqualTo("00000000-0000-1234-0000-000000000001");
    assertThat(ids.next()).isEqualTo("00000000-0000-1234-0000-000000000002");
  }
}
