package io.dockwatch.hostfacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's effective configuration: its command-line flags and its {@code daemon.json}. The
 * daemon refuses to start when one option is set in both, so a flag, when given, is the truth; a
 * key of the file counts otherwise.
 *
 * @param pid the daemon's process id on the host
 * @param flags the parsed command line
 * @param configFile the host path of the configuration file: {@code --config-file}, else {@code
 *     /etc/docker/daemon.json}
 * @param json the file's content, an empty object when the file is absent
 * @param configFileProblem why the file could not be used, or empty
 */
public record DaemonConfig(
    long pid,
    DaemonFlags flags,
    String configFile,
    JsonNode json,
    Optional<String> configFileProblem) {

  public static final String DEFAULT_CONFIG_FILE = "/etc/docker/daemon.json";
  public static final String DEFAULT_DATA_ROOT = "/var/lib/docker";

  /** Flags whose {@code daemon.json} key is another word (mostly the plural). */
  private static final Map<String, String> JSON_KEYS =
      Map.ofEntries(
          Map.entry("host", "hosts"),
          Map.entry("insecure-registry", "insecure-registries"),
          Map.entry("authorization-plugin", "authorization-plugins"),
          Map.entry("storage-opt", "storage-opts"),
          Map.entry("default-ulimit", "default-ulimits"),
          Map.entry("log-opt", "log-opts"),
          Map.entry("label", "labels"),
          Map.entry("exec-opt", "exec-opts"),
          Map.entry("registry-mirror", "registry-mirrors"),
          Map.entry("add-runtime", "runtimes"),
          Map.entry("default-address-pool", "default-address-pools"),
          Map.entry("node-generic-resource", "node-generic-resources"),
          Map.entry("cdi-spec-dir", "cdi-spec-dirs"),
          Map.entry("feature", "features"));

  public DaemonConfig {
    json = json == null ? JsonNodeFactory.instance.objectNode() : json;
  }

  /** The {@code daemon.json} key of a flag. */
  public static String jsonKey(String flag) {
    return JSON_KEYS.getOrDefault(flag, flag);
  }

  /** Whether the option is set at all, by flag or by key. */
  public boolean isSet(String flag) {
    return flags.has(flag) || json.has(jsonKey(flag));
  }

  /** A single value: the flag's last, else the key's scalar value. */
  public Optional<String> value(String flag) {
    if (flags.has(flag)) {
      return flags.value(flag);
    }
    JsonNode v = json.get(jsonKey(flag));
    if (v == null || v.isNull() || v.isContainerNode()) {
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }

  /** A boolean option; a value that is no boolean reads as absent. */
  public Optional<Boolean> bool(String flag) {
    return value(flag)
        .flatMap(
            v ->
                switch (v) {
                  case "true", "1" -> Optional.of(true);
                  case "false", "0" -> Optional.of(false);
                  default -> Optional.empty();
                });
  }

  /**
   * Every value of a list option: the flag's values, else the key's array items or, for options the
   * file keeps as an object ({@code default-ulimits}, {@code log-opts}), its field names.
   */
  public List<String> values(String flag) {
    if (flags.has(flag)) {
      return flags.values(flag);
    }
    JsonNode v = json.get(jsonKey(flag));
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(item -> out.add(item.asText()));
    } else if (v.isObject()) {
      v.fieldNames().forEachRemaining(out::add);
    } else {
      out.add(v.asText());
    }
    return out;
  }

  /** Where an option's value came from, for evidence: {@code "flag --icc"} or a file key. */
  public String source(String flag) {
    if (flags.has(flag)) {
      return "flag --" + flag;
    }
    if (json.has(jsonKey(flag))) {
      return configFile + " \"" + jsonKey(flag) + "\"";
    }
    return "default";
  }

  /** The data root the daemon was told to use, before any user-namespace sub-directory. */
  public String dataRoot() {
    return value("data-root").or(() -> value("graph")).orElse(DEFAULT_DATA_ROOT);
  }

  /** The endpoints the daemon listens on: {@code -H} flags, else the {@code hosts} key. */
  public List<String> hosts() {
    return values("host");
  }
}
