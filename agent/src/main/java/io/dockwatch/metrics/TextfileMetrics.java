package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.metrics.TextFormatParser.Family;
import io.dockwatch.metrics.TextFormatParser.ParseException;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * node_exporter's textfile collector: the series of the {@code *.prom} files of a directory, which
 * cron jobs and scripts write (atomically, by renaming) to report what no collector measures.
 *
 * <p>Each round reads every file anew. A file that is not a regular file (a FIFO would block the
 * read, a link to a device would never end), cannot be read, is not in the text format, has
 * client-side timestamps, is larger than {@value #MAX_FILE_BYTES} bytes or would take the directory
 * past {@value #MAX_DIRECTORY_BYTES} bytes, declares a family the agent exports itself, contradicts
 * a file read before it (another type or help for the same family, a series twice), or whose name
 * reads the same as an earlier file's, is left out whole: its name and the reason are logged
 * (control characters replaced, cut to {@value #MAX_LOGGED} characters), rate-limited, and {@code
 * node_textfile_scrape_error} is 1. The directory is the agent's own view of it, not one under the
 * host root.
 */
final class TextfileMetrics implements HostArea {
  static final String COLLECTOR = "textfile";

  static final MetricFamily MTIME =
      gauge(
          "node_textfile_mtime_seconds",
          "When each text file read in the last round was last modified, in seconds since the"
              + " epoch.");
  static final MetricFamily SCRAPE_ERROR =
      gauge(
          "node_textfile_scrape_error",
          "Whether a text file or the directory could not be read or was left out (1) or not (0).");

  /** Larger files are refused: the agent's heap is small and a file is held whole while read. */
  static final int MAX_FILE_BYTES = 1 << 20;

  /**
   * What all the files of a round may hold together: parsed, a megabyte of text takes several in
   * the heap, and the host round holds them all at once.
   */
  static final int MAX_DIRECTORY_BYTES = 2 << 20;

  /** How much of a file name or a reason goes into a log line. */
  static final int MAX_LOGGED = 200;

  private static final String SUFFIX = ".prom";
  private static final Logger log = LoggerFactory.getLogger(TextfileMetrics.class);

  private final Optional<Path> directory;
  private final Predicate<String> exportedElsewhere;
  private final LogThrottle throttle;

  /**
   * @param directory where the files are; empty turns the collector off but for its error gauge
   * @param exportedElsewhere the names of families the agent exports outside the host metrics
   */
  TextfileMetrics(
      Optional<Path> directory, Predicate<String> exportedElsewhere, LogThrottle throttle) {
    this.directory = directory;
    this.exportedElsewhere = exportedElsewhere;
    this.throttle = throttle;
  }

  /** Always answered: problems with the files show in the error gauge, as node_exporter does. */
  @Override
  public List<Part> parts() {
    return List.of(new Part(COLLECTOR, this::collect));
  }

  private boolean collect(Families out) {
    boolean error = false;
    if (directory.isPresent()) {
      Set<String> taken = out.modelNames();
      taken.addAll(HostSampler.SUCCESS.modelNames());
      taken.addAll(HostSampler.DURATION.modelNames());
      taken.addAll(MTIME.modelNames());
      taken.addAll(SCRAPE_ERROR.modelNames());
      TextfileMerge merge =
          new TextfileMerge(name -> taken.contains(name) || exportedElsewhere.test(name));
      error = !read(directory.get(), merge);
      merge.addTo(out);
      for (TextfileMerge.Accepted file : merge.accepted()) {
        out.add(MTIME, Labels.of("file", file.path()), file.mtimeSeconds());
      }
    }
    out.add(SCRAPE_ERROR, error ? 1 : 0);
    return true;
  }

  /** Reads the directory's files into {@code merge}; false when any could not be taken. */
  private boolean read(Path dir, TextfileMerge merge) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      entries.forEach(files::add);
    } catch (IOException | SecurityException e) {
      if (throttle.allow("textfile-dir")) {
        log.warn("Cannot list the textfile directory, directory={} reason={}", dir, e.toString());
      }
      return false;
    }
    files.sort(null);
    boolean ok = true;
    Set<String> names = new HashSet<>();
    int[] budget = {MAX_DIRECTORY_BYTES};
    for (Path file : files) {
      Optional<String> problem =
          names.add(file.toString())
              ? take(file, merge, budget)
              : Optional.of("its name reads the same as an earlier file's");
      if (problem.isPresent()) {
        ok = false;
        if (throttle.allow("textfile:" + file)) {
          log.warn(
              "Text file left out of /metrics, file={} reason={}",
              printable(file.toString()),
              printable(problem.get()));
        }
      }
    }
    return ok;
  }

  /**
   * Parses one file and offers it to {@code merge}; the reason when it is left out.
   *
   * @param budget the bytes the directory's files may still take; lowered by this file's
   */
  private static Optional<String> take(Path file, TextfileMerge merge, int[] budget) {
    List<Family> families;
    long mtime;
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.of("not a regular file");
      }
      byte[] text;
      // Bounded read: a file that grows after the check, or lies about its size, cannot flood.
      try (InputStream in = Files.newInputStream(file)) {
        text = in.readNBytes(MAX_FILE_BYTES + 1);
      }
      if (text.length > MAX_FILE_BYTES) {
        return Optional.of("larger than " + MAX_FILE_BYTES + " bytes");
      }
      if (text.length > budget[0]) {
        return Optional.of(
            "the directory's files together are larger than " + MAX_DIRECTORY_BYTES + " bytes");
      }
      budget[0] -= text.length;
      families = TextFormatParser.parse(utf8(text));
      // Stat only once parsed, so that a file replaced while read does not look fresh.
      mtime = Math.floorDiv(Files.getLastModifiedTime(file).toMillis(), 1000);
    } catch (CharacterCodingException e) {
      return Optional.of("not UTF-8 text");
    } catch (ParseException e) {
      return Optional.of(e.getMessage());
    } catch (IOException | SecurityException e) {
      return Optional.of("cannot read: " + e);
    }
    return merge.offer(file.toString(), mtime, families);
  }

  /** {@code text} fit for one log line: control characters replaced, cut to a bounded length. */
  static String printable(String text) {
    String cut = text.length() > MAX_LOGGED ? text.substring(0, MAX_LOGGED) + "…" : text;
    StringBuilder out = new StringBuilder(cut.length());
    cut.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
    return out.toString();
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
