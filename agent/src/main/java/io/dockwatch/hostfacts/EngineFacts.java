package io.dockwatch.hostfacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine says of itself through {@code GET /info} and {@code GET /version}, reduced to the
 * fields host rules read.
 *
 * @param securityOptions the {@code name=...} words of {@code SecurityOptions}, such as {@code
 *     name=seccomp,profile=default}
 * @param insecureRegistries the insecure registry ranges and registries the operator configured;
 *     the loopback ranges the engine always lists ({@code 127.0.0.0/8}, {@code ::1/128}) are left
 *     out
 * @param swarmState {@code Swarm.LocalNodeState}: inactive, pending, active, error or locked
 */
public record EngineFacts(
    String name,
    String serverVersion,
    String apiVersion,
    String osType,
    String storageDriver,
    String loggingDriver,
    String dockerRootDir,
    boolean liveRestore,
    boolean experimental,
    String swarmState,
    List<String> securityOptions,
    List<String> insecureRegistries,
    List<String> authorizationPlugins) {

  /** The ranges every engine marks insecure on its own; the operator did not configure them. */
  static final List<String> IMPLICIT_INSECURE = List.of("127.0.0.0/8", "::1/128");

  public EngineFacts {
    securityOptions = List.copyOf(securityOptions);
    insecureRegistries = List.copyOf(insecureRegistries);
    authorizationPlugins = List.copyOf(authorizationPlugins);
  }

  public static EngineFacts parse(JsonNode info, JsonNode version) {
    JsonNode registry = info.path("RegistryConfig");
    List<String> insecure = new ArrayList<>();
    for (JsonNode cidr : registry.path("InsecureRegistryCIDRs")) {
      if (!IMPLICIT_INSECURE.contains(cidr.asText())) {
        insecure.add(cidr.asText());
      }
    }
    for (Map.Entry<String, JsonNode> index : registry.path("IndexConfigs").properties()) {
      if (!index.getValue().path("Secure").asBoolean(true)) {
        insecure.add(index.getKey());
      }
    }
    return new EngineFacts(
        info.path("Name").asText(""),
        version.path("Version").asText(info.path("ServerVersion").asText("")),
        version.path("ApiVersion").asText(""),
        info.path("OSType").asText(""),
        info.path("Driver").asText(""),
        info.path("LoggingDriver").asText(""),
        info.path("DockerRootDir").asText(""),
        info.path("LiveRestoreEnabled").asBoolean(false),
        version.path("Experimental").asBoolean(info.path("ExperimentalBuild").asBoolean(false)),
        info.path("Swarm").path("LocalNodeState").asText("inactive"),
        texts(info.path("SecurityOptions")),
        insecure,
        texts(info.path("Plugins").path("Authorization")));
  }

  /**
   * Whether a security feature is on: {@code apparmor}, {@code selinux}, {@code seccomp}, {@code
   * userns}, {@code rootless}. Engines before 1.13 listed bare words, later ones {@code name=...}.
   */
  public boolean hasSecurityOption(String feature) {
    return securityOption(feature).isPresent();
  }

  /** The whole {@code SecurityOptions} entry of a feature. */
  public Optional<String> securityOption(String feature) {
    for (String o : securityOptions) {
      if (o.equals(feature)
          || o.equals("name=" + feature)
          || o.startsWith("name=" + feature + ",")) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** The seccomp profile the engine applies by default: {@code default}, a path, or empty. */
  public Optional<String> seccompProfile() {
    return securityOption("seccomp")
        .map(
            o -> {
              for (String part : o.split(",")) {
                if (part.startsWith("profile=")) {
                  return part.substring("profile=".length());
                }
              }
              return "default";
            });
  }

  /** Whether the swarm is in use on this node: any state but {@code inactive}. */
  public boolean swarmActive() {
    return !swarmState.isEmpty() && !"inactive".equals(swarmState);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return out;
  }
}
