package io.dockwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextfileMetricsTest {
  private static final Instant MTIME = Instant.parse("2026-03-01T11:59:30.700Z");
  private static final MetricFamily LOAD1 = MetricFamily.gauge("node_load1", "The load.");

  @TempDir Path dir;

  private final LogThrottle throttle =
      new LogThrottle(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofMinutes(10));

  private Path write(String name, String text) throws IOException {
    Path file = Files.writeString(dir.resolve(name), text);
    Files.setLastModifiedTime(file, FileTime.from(MTIME));
    return file;
  }

  /** One round after the agent's own families (here node_load1) were added. */
  private String collect(Optional<Path> directory) {
    Families out = new Families();
    out.add(LOAD1, 0.5);
    TextfileMetrics textfiles =
        new TextfileMetrics(directory, name -> name.startsWith("dockwatch_"), throttle);

    boolean answered = textfiles.parts().get(0).collect().into(out);

    assertThat(answered).as("the textfile collector always answers").isTrue();
    MetricSnapshots snapshots = out.build();
    return Exposition.text(snapshots);
  }

  private String collect() {
    return collect(Optional.of(dir));
  }

  @Test
  void collect_noDirectoryConfigured_reportsNoErrorAndNoFiles() {
    String text = collect(Optional.empty());

    assertThat(text).contains("node_textfile_scrape_error 0.0").doesNotContain("mtime");
  }

  @Test
  void collect_goodFile_servesItsSeriesAndMtime() throws IOException {
    Path file =
        write(
            "jobs.prom",
            "# HELP jobs_ok Jobs that succeeded.\n# TYPE jobs_ok gauge\njobs_ok{job=\"a\"} 3\n");

    String text = collect();

    assertThat(text)
        .contains(
            "# HELP jobs_ok Jobs that succeeded.\n# TYPE jobs_ok gauge\njobs_ok{job=\"a\"} 3.0\n")
        .contains("node_textfile_mtime_seconds{file=\"" + file + "\"} 1.77236637E9\n")
        .contains("node_textfile_scrape_error 0.0");
  }

  @Test
  void collect_oneBadFile_servesTheGoodOneAndReportsAnError() throws IOException {
    write("good.prom", "good_one 1\n");
    Path bad = write("bad.prom", "bad_one{ 1\n");

    String text = collect();

    assertThat(text)
        .contains("good_one 1.0")
        .doesNotContain("bad_one")
        .doesNotContain(bad.toString())
        .contains("node_textfile_scrape_error 1.0");
  }

  @Test
  void collect_fileDeclaresAnAgentFamily_isLeftOutWhole() throws IOException {
    write("clash.prom", "mine 1\nnode_load1 7\n");
    write("other.prom", "# TYPE dockwatch_own gauge\ndockwatch_own 1\n");

    String text = collect();

    assertThat(text)
        .contains("node_load1 0.5")
        .doesNotContain("node_load1 7")
        .doesNotContain("mine")
        .doesNotContain("dockwatch_own")
        .contains("node_textfile_scrape_error 1.0");
  }

  @Test
  void collect_familyWithoutHelpInTwoFiles_isOneFamilyNamingBothFiles() throws IOException {
    Path a = write("a.prom", "queue_depth{queue=\"x\"} 1\n");
    Path b = write("b.prom", "queue_depth{queue=\"y\",prio=\"high\"} 2\n");

    String text = collect();

    assertThat(text)
        .contains("# HELP queue_depth Metric read from " + a + ", " + b + "\n")
        .contains("queue_depth{prio=\"\",queue=\"x\"} 1.0\n")
        .contains("queue_depth{prio=\"high\",queue=\"y\"} 2.0\n")
        .contains("node_textfile_scrape_error 0.0");
  }

  @Test
  void collect_counterWithoutTotalAndHistogram_keepTheirSeriesNamesAsUntyped() throws IOException {
    write(
        "mixed.prom",
        """
        # TYPE runs counter
        runs 4
        # TYPE runs_ok_total counter
        runs_ok_total 3
        # TYPE took histogram
        took_bucket{le="+Inf"} 2
        took_sum 1.5
        took_count 2
        """);

    String text = collect();

    assertThat(text)
        .contains("# TYPE runs untyped\nruns 4.0\n")
        .contains("# TYPE runs_ok_total counter\nruns_ok_total 3.0\n")
        .contains("# TYPE took_bucket untyped\ntook_bucket{le=\"+Inf\"} 2.0\n")
        .contains("# TYPE took_sum untyped\ntook_sum 1.5\n")
        .contains("# TYPE took_count untyped\ntook_count 2.0\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          another type     | # TYPE level gauge\\nlevel 1\\n    | # TYPE level untyped\\nlevel{x="2"} 2\\n | level 1.0
          series twice     | up_jobs{job="x"} 1\\n              | up_jobs{job="x",extra=""} 2\\n         | up_jobs{job="x"} 1.0
          a counter's name | # TYPE done_total counter\\ndone_total 1\\n | done 2\\n                      | done_total 1.0
          """)
  void collect_laterFileContradictsAnEarlierOne_isLeftOutWhole(
      String what, String first, String later, String served) throws IOException {
    write("a.prom", first.replace("\\n", "\n"));
    write("b.prom", later.replace("\\n", "\n") + "also_b 1\n");

    String text = collect();

    assertThat(text)
        .contains(served)
        .doesNotContain("} 2.0")
        .doesNotContain(" 2.0\n")
        .doesNotContain("also_b")
        .contains("node_textfile_scrape_error 1.0");
  }

  @Test
  void collect_fileTooLargeOrNotUtf8_isLeftOut() throws IOException {
    write("big.prom", "x 1\n".repeat(TextfileMetrics.MAX_FILE_BYTES / 4 + 1));
    Files.write(
        dir.resolve("latin1.prom"),
        new byte[] {'y', '{', 'a', '=', '"', (byte) 0xe9, '"', '}', ' ', '1', '\n'});

    String text = collect();

    assertThat(text).doesNotContain("x 1.0").doesNotContain("y{").contains("error 1.0");
  }

  @Test
  void collect_fifoAndLinkToADevice_areLeftOutWithoutBlockingOrReadingForever() throws Exception {
    Path fifo = dir.resolve("fifo.prom");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.createSymbolicLink(dir.resolve("zero.prom"), Path.of("/dev/zero"));
    write("good.prom", "good_one 1\n");

    String text = collect();

    assertThat(text).contains("good_one 1.0").contains("node_textfile_scrape_error 1.0");
  }

  @Test
  void collect_filesTogetherPastTheDirectoryBudget_laterOnesAreLeftOut() throws IOException {
    int files = TextfileMetrics.MAX_DIRECTORY_BYTES / TextfileMetrics.MAX_FILE_BYTES + 1;
    String almostFull = "# a comment line\n".repeat(TextfileMetrics.MAX_FILE_BYTES / 17 - 1);
    for (int i = 0; i < files; i++) {
      write("f" + i + ".prom", almostFull + "series_" + i + " 1\n");
    }

    String text = collect();

    assertThat(text)
        .contains("series_0 1.0")
        .doesNotContain("series_" + (files - 1) + " ")
        .contains("node_textfile_scrape_error 1.0");
  }

  @Test
  void printable_controlCharactersAndLongText_areReplacedAndCut() {
    String forged = "a\n2026 [ERROR] forged\u001b[2J" + "x".repeat(500);

    String logged = TextfileMetrics.printable(forged);

    assertThat(logged).startsWith("a?2026 [ERROR] forged?[2J").doesNotContain("\n").hasSize(201);
  }

  @Test
  void collect_directoryMissing_reportsAnError() {
    String text = collect(Optional.of(dir.resolve("absent")));

    assertThat(text).contains("node_textfile_scrape_error 1.0");
  }

  @Test
  void collect_otherSuffixes_areNotRead() throws IOException {
    write("job.prom.tmp", "half written{\n");
    write("notes.txt", "not metrics\n");

    String text = collect();

    assertThat(text).contains("node_textfile_scrape_error 0.0").doesNotContain("mtime_seconds{");
  }
}
