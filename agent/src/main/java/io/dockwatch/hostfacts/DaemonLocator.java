package io.dockwatch.hostfacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@code dockerd} process of the engine the agent talks to, under the host's {@code
 * /proc}, and reads its command line and configuration file. Several engines may run on one host;
 * each has its own data root, and the engine reports its own in {@code DockerRootDir}, so the
 * process whose data root matches is the one.
 */
final class DaemonLocator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HostRoot root;

  DaemonLocator(HostRoot root) {
    this.root = root;
  }

  Optional<DaemonConfig> find(EngineFacts engine, Map<String, String> problems) {
    List<DaemonConfig> all = new ArrayList<>();
    Path proc = root.local("/proc");
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path dir : dirs) {
        readDaemon(dir).ifPresent(all::add);
      }
    } catch (IOException e) {
      problems.put("daemon", "cannot list " + proc + ": " + e);
      return Optional.empty();
    }
    Optional<DaemonConfig> chosen = choose(all, engine.dockerRootDir());
    if (chosen.isEmpty()) {
      problems.put(
          "daemon",
          all.isEmpty()
              ? "no dockerd process under " + proc + " (the agent needs the host's PID namespace)"
              : "none of "
                  + all.size()
                  + " dockerd processes has data root "
                  + engine.dockerRootDir());
    } else {
      chosen.get().configFileProblem().ifPresent(p -> problems.put("daemon.json", p));
    }
    return chosen;
  }

  /**
   * The daemon whose data root is the engine's: equal, or its parent when user namespaces are
   * remapped (the engine then reports {@code ROOT/UID.GID}). A lone daemon is taken as it is.
   */
  static Optional<DaemonConfig> choose(List<DaemonConfig> daemons, String dockerRootDir) {
    List<DaemonConfig> matching = new ArrayList<>();
    for (DaemonConfig d : daemons) {
      String dataRoot = d.dataRoot().replaceAll("/+$", "");
      if (dockerRootDir.equals(dataRoot) || parent(dockerRootDir).equals(dataRoot)) {
        matching.add(d);
      }
    }
    if (matching.size() == 1) {
      return Optional.of(matching.get(0));
    }
    return daemons.size() == 1 ? Optional.of(daemons.get(0)) : Optional.empty();
  }

  /** The host path of the daemon's executable, from {@code /proc/PID/exe}. */
  Optional<String> executable(long pid) {
    try {
      String target = Files.readSymbolicLink(root.local("/proc/" + pid + "/exe")).toString();
      return Optional.of(target.replaceFirst(" \\(deleted\\)$", ""));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private Optional<DaemonConfig> readDaemon(Path procDir) {
    try {
      String comm = Files.readString(procDir.resolve("comm"), StandardCharsets.UTF_8).strip();
      if (!comm.equals("dockerd")) {
        return Optional.empty();
      }
      List<String> argv = ProcFiles.cmdline(Files.readAllBytes(procDir.resolve("cmdline")));
      if (argv.isEmpty()) {
        return Optional.empty();
      }
      DaemonFlags flags = DaemonFlags.parse(argv.subList(1, argv.size()));
      long pid = Long.parseLong(procDir.getFileName().toString());
      return Optional.of(config(pid, flags));
    } catch (IOException | NumberFormatException e) {
      // the process ended while we looked, or is not ours to read: not the daemon we want
      return Optional.empty();
    }
  }

  /** Reads the configuration file the flags name, or the default one. */
  DaemonConfig config(long pid, DaemonFlags flags) {
    String file = flags.value("config-file").orElse(DaemonConfig.DEFAULT_CONFIG_FILE);
    Optional<Path> local = root.resolve(file);
    if (local.isEmpty() || !Files.exists(local.get())) {
      return new DaemonConfig(pid, flags, file, null, Optional.empty());
    }
    try {
      JsonNode json = JSON.readTree(local.get().toFile());
      if (json == null || !json.isObject()) {
        return new DaemonConfig(
            pid, flags, file, null, Optional.of(file + " is not a JSON object"));
      }
      return new DaemonConfig(pid, flags, file, json, Optional.empty());
    } catch (IOException e) {
      return new DaemonConfig(
          pid, flags, file, null, Optional.of("cannot read " + file + ": " + e.getMessage()));
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
