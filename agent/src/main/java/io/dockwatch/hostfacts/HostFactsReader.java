package io.dockwatch.hostfacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockwatch.docker.EngineClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the host's facts: the engine through its API, everything else as files under the host root.
 * The environment failing (a file unreadable, no daemon process visible) is survived: the part
 * stays unknown and the reason is kept in {@link HostFacts#problems()}.
 */
public final class HostFactsReader implements HostFactsSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> UNIT_DIRS =
      List.of(
          "/etc/systemd/system",
          "/run/systemd/system",
          "/usr/local/lib/systemd/system",
          "/usr/lib/systemd/system",
          "/lib/systemd/system");
  private static final List<String> BIN_DIRS =
      List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin");
  private static final int MAX_CERTS = 1000;

  private final HostRoot root;
  private final FileStats stats;
  private final Path ownProc;
  private final DaemonLocator daemons;

  /**
   * @param ownProc the agent's own {@code /proc/self}, outside the host root: it tells whether the
   *     agent runs in a container
   */
  public HostFactsReader(HostRoot root, FileStats stats, Path ownProc) {
    this.root = root;
    this.stats = stats;
    this.ownProc = ownProc;
    this.daemons = new DaemonLocator(root);
  }

  /** A reader of the real host under {@code hostRoot}. */
  public static HostFactsReader of(Path hostRoot) {
    return new HostFactsReader(new HostRoot(hostRoot), FileStats.posix(), Path.of("/proc/self"));
  }

  /** Reads the engine, then the host. Throws only when the engine cannot be reached. */
  @Override
  public HostFacts read(EngineClient engine, Instant now) throws IOException {
    return read(EngineFacts.parse(engine.info(), engine.version()), now);
  }

  public HostFacts read(EngineFacts engine, Instant now) {
    Map<String, String> problems = new LinkedHashMap<>();
    Optional<DaemonConfig> daemon = daemons.find(engine, problems);
    Map<HostFile, FileStat> files = new HashMap<>();
    for (HostFile f : HostFile.values()) {
      locate(f, engine, daemon).ifPresent(path -> files.put(f, stat(path, problems)));
    }
    return new HostFacts(
        now,
        Optional.of(engine),
        daemon,
        files,
        registryCerts(problems),
        audit(problems),
        group(problems),
        lines(mountinfoPath(), "mounts", problems).map(ProcFiles::mountPoints),
        lines("/proc/stat", "boot", problems).flatMap(ProcFiles::bootTime),
        Map.of(),
        ownContainer(),
        problems);
  }

  /** The build times of the given images, from the engine's image store; unknown ones left out. */
  @Override
  public Map<String, Instant> imageCreated(EngineFacts engine, Collection<String> imageIds) {
    Map<String, Instant> out = new HashMap<>();
    for (String id : imageIds) {
      ImageStore.configPath(engine.dockerRootDir(), engine.storageDriver(), id)
          .flatMap(root::resolve)
          .flatMap(HostFactsReader::readJson)
          .flatMap(ImageStore::created)
          .ifPresent(t -> out.put(id, t));
    }
    return out;
  }

  private Optional<String> locate(HostFile f, EngineFacts engine, Optional<DaemonConfig> daemon) {
    return switch (f) {
      case DOCKERD_BINARY -> daemon.flatMap(d -> daemons.executable(d.pid())).or(() -> bin(f));
      case DATA_ROOT ->
          Optional.of(engine.dockerRootDir().isEmpty() ? f.defaultPath() : engine.dockerRootDir());
      case DOCKER_SERVICE_UNIT, DOCKER_SOCKET_UNIT -> Optional.of(unit(f));
      case DAEMON_JSON ->
          Optional.of(
              daemon.map(DaemonConfig::configFile).orElse(DaemonConfig.DEFAULT_CONFIG_FILE));
      case CONTAINERD_BINARY, SHIM_BINARY, SHIM_RUNC_V1_BINARY, SHIM_RUNC_V2_BINARY, RUNC_BINARY ->
          bin(f);
      case ENGINE_SOCKET ->
          Optional.of(daemon.flatMap(HostFactsReader::unixSocket).orElse(f.defaultPath()));
      case TLS_CA_CERT -> daemon.flatMap(d -> d.value("tlscacert"));
      case TLS_CERT -> daemon.flatMap(d -> d.value("tlscert"));
      case TLS_KEY -> daemon.flatMap(d -> d.value("tlskey"));
      default -> Optional.of(f.defaultPath());
    };
  }

  /** The first {@code unix://} endpoint; {@code fd://} is systemd's socket, the default path. */
  static Optional<String> unixSocket(DaemonConfig d) {
    for (String h : d.hosts()) {
      if (h.startsWith("unix://") && h.length() > "unix://".length()) {
        return Optional.of(h.substring("unix://".length()));
      }
    }
    return Optional.empty();
  }

  private String unit(HostFile f) {
    for (String dir : UNIT_DIRS) {
      String p = dir + "/" + f.fileName();
      if (root.exists(p)) {
        return p;
      }
    }
    return f.defaultPath();
  }

  private Optional<String> bin(HostFile f) {
    for (String dir : BIN_DIRS) {
      String p = dir + "/" + f.fileName();
      if (root.exists(p)) {
        return Optional.of(p);
      }
    }
    return Optional.of(f.defaultPath());
  }

  private FileStat stat(String hostPath, Map<String, String> problems) {
    Optional<String> real = root.hostPathOf(hostPath);
    if (real.isEmpty()) {
      problems.put("file " + hostPath, "symbolic link loop");
      return FileStat.absent(hostPath);
    }
    try {
      return stats.stat(hostPath, real.get(), root.local(real.get()));
    } catch (IOException e) {
      problems.put("file " + hostPath, e.toString());
      return FileStat.absent(hostPath);
    }
  }

  private List<FileStat> registryCerts(Map<String, String> problems) {
    String dir = "/etc/docker/certs.d";
    Optional<Path> local = root.resolve(dir);
    if (local.isEmpty() || !Files.isDirectory(local.get())) {
      return List.of();
    }
    List<FileStat> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(local.get(), 3)) {
      for (Path p : (Iterable<Path>) walk.limit(MAX_CERTS)::iterator) {
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p)
            && (name.endsWith(".crt") || name.endsWith(".cert") || name.endsWith(".key"))) {
          out.add(stat(dir + "/" + local.get().relativize(p), problems));
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.put("certs", "cannot list " + dir + ": " + e);
    }
    return out;
  }

  private Optional<AuditRules> audit(Map<String, String> problems) {
    List<String> sources = new ArrayList<>();
    Set<String> watched = new LinkedHashSet<>();
    List<String> files = new ArrayList<>(List.of("/etc/audit/audit.rules"));
    root.resolve("/etc/audit/rules.d")
        .filter(Files::isDirectory)
        .ifPresent(
            d -> {
              try (Stream<Path> s = Files.list(d)) {
                s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".rules"))
                    .sorted()
                    .forEach(n -> files.add("/etc/audit/rules.d/" + n));
              } catch (IOException e) {
                problems.put("audit", "cannot list /etc/audit/rules.d: " + e);
              }
            });
    for (String f : files) {
      if (!root.exists(f)) {
        continue;
      }
      Optional<List<String>> lines = lines(f, "audit", problems);
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      sources.add(f);
      for (String w : AuditRules.parse(lines.get())) {
        watched.add(w);
        root.hostPathOf(w).ifPresent(watched::add);
      }
    }
    return Optional.of(new AuditRules(watched, sources));
  }

  private Optional<DockerGroup> group(Map<String, String> problems) {
    Optional<List<String>> groups = lines("/etc/group", "group", problems);
    Optional<List<String>> users = lines("/etc/passwd", "group", problems);
    if (groups.isEmpty() || users.isEmpty()) {
      return Optional.empty();
    }
    Optional<DockerGroup> g = DockerGroup.parse(DockerGroup.NAME, groups.get(), users.get());
    if (g.isEmpty()) {
      problems.put("group", "no group \"docker\" in /etc/group");
    }
    return g;
  }

  private String mountinfoPath() {
    return root.exists("/proc/1/mountinfo") ? "/proc/1/mountinfo" : "/proc/self/mountinfo";
  }

  private Optional<String> ownContainer() {
    try {
      List<String> mountinfo = readLinesIfPresent(ownProc.resolve("mountinfo"));
      List<String> cgroup = readLinesIfPresent(ownProc.resolve("cgroup"));
      return ProcFiles.containerId(mountinfo, cgroup);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<List<String>> lines(String hostPath, String part, Map<String, String> problems) {
    Optional<Path> p = root.resolve(hostPath);
    if (p.isEmpty() || !Files.exists(p.get())) {
      problems.putIfAbsent(part, hostPath + " not found under " + root.root());
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllLines(p.get(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.putIfAbsent(part, "cannot read " + hostPath + ": " + e);
      return Optional.empty();
    }
  }

  private static List<String> readLinesIfPresent(Path p) throws IOException {
    return Files.isReadable(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
  }

  static Optional<JsonNode> readJson(Path p) {
    try {
      return Files.isReadable(p) ? Optional.of(JSON.readTree(p.toFile())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
