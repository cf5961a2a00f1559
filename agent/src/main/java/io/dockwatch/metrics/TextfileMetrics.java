package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.metrics.TextFormatParser.Family;
import io.dockwatch.metrics.TextFormatParser.ParseException;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>Each round reads every file anew. A file that cannot be read, is not in the text format, has
 * client-side timestamps, is larger than {@value #MAX_FILE_BYTES} bytes, declares a family the
 * agent exports itself, or contradicts a file read before it (another type or help for the same
 * family, a series twice) is left out whole: its name and the reason are logged, rate-limited, and
 * {@code node_textfile_scrape_error} is 1. The directory is the agent's own view of it, not one
 * under the host root.
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
    for (Path file : files) {
      Optional<String> problem = take(file, merge);
      if (problem.isPresent()) {
        ok = false;
        if (throttle.allow("textfile:" + file)) {
          log.warn("Text file left out of /metrics, file={} reason={}", file, problem.get());
        }
      }
    }
    return ok;
  }

  /** Parses one file and offers it to {@code merge}; the reason when it is left out. */
  private static Optional<String> take(Path file, TextfileMerge merge) {
    List<Family> families;
    long mtime;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return Optional.of("larger than " + MAX_FILE_BYTES + " bytes");
      }
      families = TextFormatParser.parse(utf8(Files.readAllBytes(file)));
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

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
