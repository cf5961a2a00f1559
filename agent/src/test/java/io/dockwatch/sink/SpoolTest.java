package io.dockwatch.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  private static final long BOUND = 1 << 20;

  @TempDir Path dir;
  private final List<Spool> opened = new ArrayList<>();

  @AfterEach
  void closeSpools() {
    opened.forEach(Spool::close);
  }

  @Test
  void read_afterAppends_returnsRecordsInOrder() throws IOException {
    Spool spool = open(BOUND);
    appendAll(spool, 0, 5);

    SpoolBatch batch = spool.read(100, BOUND);

    assertThat(texts(batch)).containsExactly("r0", "r1", "r2", "r3", "r4");
  }

  @Test
  void read_withoutCommit_returnsTheSameRecordsAgain() throws IOException {
    Spool spool = open(BOUND);
    appendAll(spool, 0, 3);
    spool.read(100, BOUND);

    SpoolBatch again = spool.read(100, BOUND);

    assertThat(texts(again)).containsExactly("r0", "r1", "r2");
  }

  @Test
  void read_afterCommit_continuesPastTheCommittedRecords() throws IOException {
    Spool spool = open(BOUND);
    appendAll(spool, 0, 5);
    spool.commit(spool.read(2, BOUND));

    SpoolBatch rest = spool.read(100, BOUND);

    assertThat(texts(rest)).containsExactly("r2", "r3", "r4");
    assertThat(spool.backlogRecords()).isEqualTo(3);
  }

  @Test
  void read_withLimits_stopsAtRecordCountOrBytes() throws IOException {
    Spool spool = open(BOUND);
    appendAll(spool, 0, 10);

    SpoolBatch byCount = spool.read(3, BOUND);
    SpoolBatch byBytes = spool.read(100, 5);

    assertThat(texts(byCount)).containsExactly("r0", "r1", "r2");
    assertThat(texts(byBytes)).containsExactly("r0", "r1", "r2");
  }

  @Test
  void reopen_afterCommit_resumesAtTheCommittedPosition() throws IOException {
    Spool first = open(BOUND);
    appendAll(first, 0, 5);
    first.commit(first.read(2, BOUND));
    first.close();

    Spool second = open(BOUND);

    assertThat(second.backlogRecords()).isEqualTo(3);
    assertThat(texts(second.read(100, BOUND))).containsExactly("r2", "r3", "r4");
  }

  @Test
  void reopen_withoutCommit_returnsEveryRecordThenNewOnesAfterThem() throws IOException {
    Spool first = open(BOUND);
    appendAll(first, 0, 3);
    first.read(100, BOUND);
    first.close();

    Spool second = open(BOUND);
    second.append(bytes("r3"));

    assertThat(texts(second.read(100, BOUND))).containsExactly("r0", "r1", "r2", "r3");
  }

  @Test
  void commit_acrossSegments_deletesConsumedSegmentFiles() throws IOException {
    Spool spool = open(64 << 10); // 4 KiB segments
    for (int i = 0; i < 100; i++) {
      spool.append(new byte[200]);
    }
    long segmentsBefore = segmentFiles().size();

    spool.commit(spool.read(1000, BOUND));

    assertThat(segmentsBefore).isGreaterThan(4);
    assertThat(segmentFiles()).hasSize(1);
    assertThat(spool.backlogRecords()).isZero();
    assertThat(spool.backlogBytes()).isZero();
    assertThat(spool.hasBacklog()).isFalse();
  }

  @Test
  void append_pastTheBound_refusesAndCountsButKeepsEarlierRecords() throws IOException {
    Spool spool = open(8192);
    int taken = 0;
    for (int i = 0; i < 12; i++) {
      taken += spool.append(new byte[992]) ? 1 : 0; // 1000 bytes framed
    }

    assertThat(taken).isEqualTo(8);
    assertThat(spool.refused()).isEqualTo(4);
    assertThat(spool.diskBytes()).isLessThanOrEqualTo(8192);
    assertThat(spool.read(100, BOUND).size()).isEqualTo(8);
  }

  @Test
  void append_afterCommitFreedSpace_takesRecordsAgain() throws IOException {
    Spool spool = open(8192);
    while (spool.append(new byte[992])) {
      // fill it
    }
    spool.commit(spool.read(100, BOUND));

    boolean taken = spool.append(bytes("after"));

    assertThat(taken).isTrue();
    assertThat(texts(spool.read(100, BOUND))).containsExactly("after");
  }

  @Test
  void commit_whileThePositionCannotBeStored_stillDeletesDeliveredSegments() throws IOException {
    FullDisk disk = new FullDisk();
    Spool spool = open(64 << 10, disk); // 4 KiB segments
    for (int i = 0; i < 100; i++) {
      spool.append(new byte[200]);
    }
    disk.full = true;

    boolean stored = spool.commit(spool.read(1000, BOUND));

    assertThat(stored).isFalse();
    assertThat(segmentFiles()).hasSize(1);
    assertThat(spool.diskBytes()).isEqualTo(Files.size(segmentFiles().get(0)));
    assertThat(spool.positionPending()).isTrue();
  }

  @Test
  void commit_retriedWhileThePositionCannotBeStored_freesTheEmptiedSegmentToo() throws IOException {
    FullDisk disk = new FullDisk();
    Spool spool = open(64 << 10, disk);
    appendAll(spool, 0, 50);
    disk.full = true;
    spool.commit(spool.read(1000, BOUND));

    boolean stored = spool.commit(spool.read(1000, BOUND));

    assertThat(stored).isFalse();
    assertThat(totalSegmentBytes()).isZero();
    assertThat(spool.diskBytes()).isZero();
  }

  @Test
  void commit_ofTheWholeBacklogAfterRefusals_leavesNoDeliveredBytesOnDisk() throws IOException {
    Spool spool = open(8192); // two segments of four records each
    while (spool.append(new byte[992])) {
      // fill it until it refuses, as a full disk makes it refuse
    }

    spool.commit(spool.read(100, BOUND));

    assertThat(totalSegmentBytes()).isZero();
    assertThat(spool.append(bytes("after"))).isTrue();
  }

  @Test
  void commit_afterTheDiskFreesUp_storesThePositionAndTakesRecordsAgain() throws IOException {
    FullDisk disk = new FullDisk();
    Spool spool = open(64 << 10, disk);
    appendAll(spool, 0, 50);
    disk.full = true;
    spool.commit(spool.read(1000, BOUND));
    disk.full = false;

    boolean stored = spool.commit(spool.read(1000, BOUND));
    boolean taken = spool.append(bytes("after"));
    spool.close();
    Spool reopened = open(64 << 10);

    assertThat(stored).isTrue();
    assertThat(taken).isTrue();
    assertThat(texts(reopened.read(1000, BOUND))).containsExactly("after");
  }

  @Test
  void reopen_afterCommitWhosePositionWasNeverStored_losesNoRecord() throws IOException {
    FullDisk disk = new FullDisk();
    Spool spool = open(64 << 10, disk);
    appendAll(spool, 0, 50);
    disk.full = true;
    spool.commit(spool.read(30, BOUND));
    spool.close();

    Spool reopened = open(64 << 10);

    assertThat(texts(reopened.read(1000, BOUND))).contains("r30", "r49").endsWith("r49");
  }

  @Test
  void append_afterClose_refuses() throws IOException {
    Spool spool = open(BOUND);
    spool.close();

    boolean taken = spool.append(bytes("late"));

    assertThat(taken).isFalse();
    assertThat(spool.refused()).isEqualTo(1);
  }

  @Test
  void backlogBytes_countsFramesOfUncommittedRecords() throws IOException {
    Spool spool = open(BOUND);

    appendAll(spool, 0, 4);

    assertThat(spool.backlogBytes()).isEqualTo(4 * (Frame.HEADER_BYTES + 2));
    assertThat(spool.diskBytes()).isEqualTo(spool.backlogBytes());
  }

  @Test
  void sync_afterAppends_leavesNothingPending() throws IOException {
    Spool spool = open(BOUND);
    appendAll(spool, 0, 2);
    boolean pendingBefore = spool.syncPending();

    spool.sync();

    assertThat(pendingBefore).isTrue();
    assertThat(spool.syncPending()).isFalse();
  }

  @Test
  void reopen_withTornTail_keepsWholeRecordsAndCutsTheTornOne() throws IOException {
    Spool first = open(BOUND);
    appendAll(first, 0, 3);
    first.close();
    Path segment = onlySegmentWithData();
    long wholeSize = Files.size(segment);
    truncate(segment, wholeSize - 1);

    Spool second = open(BOUND);
    second.append(bytes("r3"));

    assertThat(texts(second.read(100, BOUND))).containsExactly("r0", "r1", "r3");
    assertThat(Files.size(segment)).isEqualTo(wholeSize - (Frame.HEADER_BYTES + 2));
  }

  @Test
  void reopen_withZeroFilledTail_keepsEveryRecord() throws IOException {
    Spool first = open(BOUND);
    appendAll(first, 0, 3);
    first.close();
    Path segment = onlySegmentWithData();
    Files.write(segment, new byte[100], StandardOpenOption.APPEND);

    Spool second = open(BOUND);

    assertThat(texts(second.read(100, BOUND))).containsExactly("r0", "r1", "r2");
  }

  @Test
  void reopen_withCorruptRecord_skipsFromTheDamageOn() throws IOException {
    Spool first = open(BOUND);
    appendAll(first, 0, 3);
    first.close();
    Path segment = onlySegmentWithData();
    flipByte(segment, (Frame.HEADER_BYTES + 2) + Frame.HEADER_BYTES); // payload of r1

    Spool second = open(BOUND);

    assertThat(texts(second.read(100, BOUND))).containsExactly("r0");
    assertThat(second.backlogRecords()).isEqualTo(1);
  }

  @Test
  void read_withDamageAppearingWhileOpen_skipsTheRestOfThatSegment() throws IOException {
    Spool spool = open(BOUND);
    appendAll(spool, 0, 3);
    flipByte(onlySegmentWithData(), Frame.HEADER_BYTES); // payload of r0

    SpoolBatch damaged = spool.read(100, BOUND);
    spool.commit(damaged);
    spool.append(bytes("r3"));

    assertThat(texts(damaged)).isEmpty();
    assertThat(texts(spool.read(100, BOUND))).containsExactly("r3");
  }

  @Test
  void reopen_withDamagedPositionFile_resendsEveryRecordOnDisk() throws IOException {
    Spool first = open(BOUND);
    appendAll(first, 0, 3);
    first.commit(first.read(2, BOUND));
    first.close();
    Files.write(dir.resolve("position"), new byte[] {1, 2, 3});

    Spool second = open(BOUND);

    assertThat(texts(second.read(100, BOUND))).containsExactly("r0", "r1", "r2");
  }

  private Spool open(long bound, FullDisk disk) throws IOException {
    Spool spool = Spool.open("test", dir, bound, disk);
    opened.add(spool);
    return spool;
  }

  private long totalSegmentBytes() throws IOException {
    long bytes = 0;
    for (Path segment : segmentFiles()) {
      bytes += Files.size(segment);
    }
    return bytes;
  }

  /** Stores positions like the real file, or fails as a disk with no space left does. */
  private static final class FullDisk implements SpoolPositionStore.Writer {
    private boolean full;

    @Override
    public void write(SpoolPosition position, Path file) throws IOException {
      if (full) {
        throw new IOException("No space left on device");
      }
      position.write(file);
    }
  }

  private Spool open(long bound) throws IOException {
    Spool spool = Spool.open("test", dir, bound);
    opened.add(spool);
    return spool;
  }

  private static void appendAll(Spool spool, int from, int to) {
    IntStream.range(from, to).forEach(i -> assertThat(spool.append(bytes("r" + i))).isTrue());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static List<String> texts(SpoolBatch batch) {
    return batch.payloads().stream()
        .map(payload -> new String(payload, UTF_8))
        .collect(Collectors.toList());
  }

  private List<Path> segmentFiles() throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".seg")).sorted().collect(Collectors.toList());
    }
  }

  private Path onlySegmentWithData() throws IOException {
    List<Path> withData = new ArrayList<>();
    for (Path segment : segmentFiles()) {
      if (Files.size(segment) > 0) {
        withData.add(segment);
      }
    }
    assertThat(withData).hasSize(1);
    return withData.get(0);
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0xFF));
      one.rewind();
      channel.write(one, offset);
    }
  }
}
