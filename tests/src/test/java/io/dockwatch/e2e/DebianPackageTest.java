package io.dockwatch.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package that packaging/build-deb.sh makes of the built jar: its metadata and files as
 * dpkg reads them, lintian's verdict, and a real install, upgrade, removal and purge in a throwaway
 * overlay of this host, so that the host itself is never changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebianPackageTest {
  private static final Path BUILD = Path.of("..", "packaging", "build-deb.sh");
  private static final Path JAR = Path.of(System.getProperty("dockwatch.jar"));
  private static final Path TRY = Path.of("..", "packaging", "try-deb.sh");
  private static final Pattern CONTENTS_LINE =
      Pattern.compile("(\\S+) (\\S+) +\\d+ (\\S+ \\S+) \\./(.*)");

  /** Runs in a throwaway overlay of this host (try-deb.sh); prints what it saw as "obs k=v". */
  private static final String SCENARIO =
      """
      # Never on the host itself.
      test "$(stat -f -c %T /)" = overlayfs
      getent group docker >/dev/null || groupadd --system docker
      dpkg --force-depends --install "$DEB"
      # The same version again takes the upgrade path of every maintainer script.
      dpkg --force-depends --install "$DEB"
      echo "obs user=$(getent passwd dockwatch)"
      echo "obs groups=$(id -nG dockwatch)"
      echo "obs wants=$(readlink /etc/systemd/system/multi-user.target.wants/dockwatch.service)"
      echo "obs version=$(dockwatch --version)"
      dockwatch rules >/tmp/rules
      echo "obs rules=$(wc -l </tmp/rules)"
      echo "obs config=$(dockwatch check-config)"
      mkdir -p /var/lib/dockwatch/buffer
      echo '{}' >/var/lib/dockwatch/findings.json
      dpkg --remove dockwatch
      echo "obs kept=$(ls /etc/dockwatch)"
      dpkg --purge dockwatch
      echo "obs purged-user=$(getent passwd dockwatch || true)$(getent group dockwatch || true)"
      echo "obs purged-files=$(find /etc /lib/systemd /usr/share /var/lib/dpkg/info \
        /var/lib/systemd /var/lib/dockwatch -name '*dockwatch*' 2>/dev/null | sort | xargs)"
      """;

  private Path work;
  private Path deb;
  private Path tree;

  /** One line of dpkg-deb --contents. */
  private record Entry(String mode, String owner, String time, String path) {}

  private List<Entry> contents() throws IOException, InterruptedException {
    return succeed("dpkg-deb", "--contents", deb.toString())
        .lines()
        .map(
            line -> {
              Matcher m = CONTENTS_LINE.matcher(line);
              assertThat(m.matches()).as(line).isTrue();
              return new Entry(m.group(1), m.group(2), m.group(3), m.group(4));
            })
        .toList();
  }

  /** Runs a command to completion; returns what it printed, stdout and stderr together. */
  private String succeed(String... command) throws IOException, InterruptedException {
    File log = Files.createTempFile(work, "command-", ".log").toFile();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log)
            .redirectInput(new File("/dev/null"))
            .start();
    boolean finished = process.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log.toPath(), UTF_8);
    assertThat(finished).as("%s finished within 60 s", List.of(command)).isTrue();
    assertThat(process.exitValue()).as("%s said:%n%s", List.of(command), output).isZero();
    return output;
  }

  private Path build(String name) throws IOException, InterruptedException {
    Path out = work.resolve(name);
    return Path.of(succeed(BUILD.toString(), out.toString()).strip());
  }

  private static String mavenVersion() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
    }
  }

  /** A Maven qualifier becomes a Debian pre-release: 0.1.0-SNAPSHOT sorts before 0.1.0. */
  private static String debianVersion() throws IOException {
    return mavenVersion().toLowerCase(Locale.ROOT).replace('-', '~');
  }

  /** The JVM options of a command line that starts with /usr/bin/java and runs a jar. */
  private static List<String> jvmFlags(String commandLine) {
    List<String> words = Arrays.asList(commandLine.replace("\\\n", " ").trim().split("\\s+"));
    assertThat(words.get(0)).isEqualTo("/usr/bin/java");
    return words.subList(1, words.indexOf("-jar"));
  }

  /** The "obs key=value" lines a sandbox scenario printed. */
  private static Map<String, String> observations(String output) {
    Map<String, String> seen = new LinkedHashMap<>();
    output
        .lines()
        .filter(line -> line.startsWith("obs ") && line.contains("="))
        .forEach(line -> seen.put(after(line, "obs ").split("=")[0], after(line, "=")));
    return seen;
  }

  private static String after(String text, String marker) {
    assertThat(text).contains(marker);
    return text.substring(text.indexOf(marker) + marker.length());
  }

  @BeforeAll
  void buildAndExtract(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-deb")), "dpkg-deb is not installed");
    work = dir;
    deb = build("out");
    tree = work.resolve("tree");
    succeed("dpkg-deb", "--extract", deb.toString(), tree.toString());
  }

  @Test
  void control_builtPackage_declaresVersionDependenciesAndConffile() throws Exception {
    String version = debianVersion();

    String fields = succeed("dpkg-deb", "--field", deb.toString());
    String conffiles = succeed("dpkg-deb", "--info", deb.toString(), "conffiles");

    assertThat(deb.getFileName()).hasToString("dockwatch_" + version + "_all.deb");
    assertThat(fields)
        .contains("Package: dockwatch\n", "Version: " + version + "\n", "Architecture: all\n")
        .contains("Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless, adduser\n")
        .contains("Recommends: docker.io | docker-ce\n")
        .containsPattern("Installed-Size: [1-9][0-9]{3,}\n");
    assertThat(conffiles).isEqualTo("/etc/dockwatch/dockwatch.toml\n");
    assertThat(succeed("dpkg-deb", "--info", deb.toString()))
        .containsPattern("\\*  postinst +#!/bin/sh")
        .containsPattern("\\*  prerm +#!/bin/sh")
        .containsPattern("\\*  postrm +#!/bin/sh");
  }

  @Test
  void contents_builtPackage_rootOwnedSortedWithOneTimestampAndExpectedModes() throws Exception {
    Map<String, String> expected =
        new TreeMap<>(
            Map.of(
                "etc/dockwatch/dockwatch.toml", "-rw-r--r--",
                "lib/systemd/system/dockwatch.service", "-rw-r--r--",
                "usr/bin/dockwatch", "-rwxr-xr-x",
                "usr/share/doc/dockwatch/README.md", "-rw-r--r--",
                "usr/share/doc/dockwatch/changelog.gz", "-rw-r--r--",
                "usr/share/doc/dockwatch/copyright", "-rw-r--r--",
                "usr/share/dockwatch/dockwatch.jar", "-rw-r--r--",
                "usr/share/man/man1/dockwatch.1.gz", "-rw-r--r--"));
    if (Files.exists(Path.of("..", "docs", "rules.md"))) {
      expected.put("usr/share/doc/dockwatch/rules.md", "-rw-r--r--");
    }

    List<Entry> entries = contents();

    assertThat(entries.stream().filter(e -> !e.mode().startsWith("d")))
        .extracting(Entry::path, Entry::mode)
        .containsExactlyInAnyOrderElementsOf(
            expected.entrySet().stream().map(e -> tuple(e.getKey(), e.getValue())).toList());
    assertThat(entries.stream().filter(e -> e.mode().startsWith("d")))
        .extracting(Entry::mode)
        .containsOnly("drwxr-xr-x");
    assertThat(entries).extracting(Entry::owner).containsOnly("root/root");
    assertThat(entries.stream().map(Entry::time).distinct()).hasSize(1);
    assertThat(entries).extracting(Entry::path).isSorted();
  }

  @Test
  void build_sameJarAgain_givesIdenticalBytes() throws Exception {
    Path again = build("again");

    assertThat(Files.mismatch(deb, again)).isEqualTo(-1L);
  }

  @Test
  void lintian_builtPackage_hasNoErrorsOrWarnings() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/lintian")), "lintian is not installed");

    String output = succeed("lintian", "--fail-on", "error,warning", deb.toString());

    assertThat(output).doesNotContainPattern("(?m)^[EW]: ");
  }

  @Test
  void wrapper_jvmFlags_areTheUnits() throws Exception {
    String unit = Files.readString(tree.resolve("lib/systemd/system/dockwatch.service"));
    String wrapper = Files.readString(tree.resolve("usr/bin/dockwatch"));

    List<String> unitFlags = jvmFlags(after(unit, "ExecStart="));
    List<String> wrapperFlags = jvmFlags(after(wrapper, "exec "));

    assertThat(wrapperFlags).isNotEmpty().isEqualTo(unitFlags);
    assertThat(wrapper).contains("-jar /usr/share/dockwatch/dockwatch.jar \"$@\"");
  }

  @Test
  void copyright_bundledLibraries_areEachNamed() throws Exception {
    Pattern library =
        Pattern.compile("META-INF/maven/(?!io\\.dockwatch/)([^/]+)/([^/]+)/pom.properties");
    List<List<String>> bundled; // groupId, artifactId
    try (JarFile jar = new JarFile(JAR.toFile())) {
      bundled =
          jar.stream()
              .map(entry -> library.matcher(entry.getName()))
              .filter(Matcher::matches)
              .map(m -> List.of(m.group(1), m.group(2)))
              .toList();
    }

    String copyright = Files.readString(tree.resolve("usr/share/doc/dockwatch/copyright"));

    assertThat(bundled)
        .isNotEmpty()
        .allSatisfy(
            coordinates ->
                assertThat(copyright)
                    .contains(coordinates.get(0) + ":")
                    .containsPattern(
                        "(?<![\\w.-])" + Pattern.quote(coordinates.get(1)) + "(?![\\w-])"));
  }

  @Test
  void install_upgradeRemovePurge_inThrowawayOverlay_leaveNothingBehind() throws Exception {
    assumeTrue((int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0, "needs root");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "unshare is not installed");
    assumeTrue(
        Files.readString(Path.of("/proc/filesystems")).contains("\toverlay\n"), "no overlay");
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/adduser")), "adduser is not installed");
    String directRules = succeed("java", "-jar", JAR.toString(), "rules");

    String output = succeed(TRY.toString(), deb.toString(), SCENARIO);

    Map<String, String> seen = observations(output);
    assertThat(seen.get("user"))
        .as(output)
        .matches("dockwatch:x:\\d+:\\d+::/var/lib/dockwatch:\\S*nologin");
    assertThat(seen.get("groups")).isEqualTo("dockwatch docker");
    assertThat(seen.get("wants")).isEqualTo("/lib/systemd/system/dockwatch.service");
    assertThat(seen.get("version")).isEqualTo("dockwatch " + mavenVersion());
    assertThat(seen.get("rules")).isEqualTo(String.valueOf(directRules.lines().count()));
    assertThat(seen.get("config")).contains("/etc/dockwatch/dockwatch.toml: ok");
    assertThat(seen.get("kept")).isEqualTo("dockwatch.toml");
    assertThat(seen.get("purged-user")).isEmpty();
    assertThat(seen.get("purged-files")).isEmpty();
  }
}
