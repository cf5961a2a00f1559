package io.dockwatch.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockwatch.docker.ContainerSnapshot.Mount;
import io.dockwatch.docker.ContainerSnapshot.PortBinding;
import io.dockwatch.docker.ContainerSnapshot.Resources;
import io.dockwatch.docker.ContainerSnapshot.Security;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's inspect JSON ({@code GET /containers/{id}/json}) into a {@link
 * ContainerSnapshot}. Pure: tests feed it JSON captured from a real engine.
 */
public final class SnapshotParser {
  /** Label values longer than this are cut: they are forwarded in every finding. */
  static final int MAX_LABEL_VALUE = 256;

  /** At most this many published ports are kept; a range publish can bind thousands. */
  static final int MAX_PORTS = 4096;

  private SnapshotParser() {}

  public static ContainerSnapshot parse(JsonNode c) {
    JsonNode state = c.path("State");
    JsonNode config = c.path("Config");
    JsonNode host = c.path("HostConfig");
    String status = state.path("Status").asText("");
    boolean running = state.path("Running").asBoolean(false) || "running".equals(status);
    JsonNode healthcheck = config.path("Healthcheck").path("Test");
    boolean healthConfigured =
        healthcheck.isArray()
            && healthcheck.size() > 0
            && !"NONE".equals(healthcheck.get(0).asText());
    return new ContainerSnapshot(
        c.path("Id").asText(),
        stripSlash(c.path("Name").asText("")),
        config.path("Image").asText(""),
        c.path("Image").asText(""),
        instant(c.path("Created").asText("")),
        status,
        state.path("Pid").asInt(0),
        state.path("ExitCode").asInt(0),
        state.path("OOMKilled").asBoolean(false),
        instant(state.path("StartedAt").asText("")),
        c.path("RestartCount").asInt(0),
        state.path("Health").path("Status").asText(""),
        healthConfigured,
        labels(config.path("Labels")),
        host.path("LogConfig").path("Type").asText(""),
        stringMap(host.path("LogConfig").path("Config")),
        host.path("NetworkMode").asText(""),
        fieldNames(c.path("NetworkSettings").path("Networks")),
        host.path("PublishAllPorts").asBoolean(false),
        running ? bound(c.path("NetworkSettings").path("Ports")) : bound(host.path("PortBindings")),
        new Security(
            host.path("Privileged").asBoolean(false),
            strings(host.path("CapAdd")),
            strings(host.path("CapDrop")),
            host.path("ReadonlyRootfs").asBoolean(false),
            strings(host.path("SecurityOpt")),
            c.path("AppArmorProfile").asText(""),
            config.path("User").asText(""),
            host.path("PidMode").asText(""),
            host.path("IpcMode").asText(""),
            host.path("UTSMode").asText(""),
            host.path("UsernsMode").asText(""),
            devices(host.path("Devices"))),
        new Resources(
            host.path("Memory").asLong(0),
            host.path("CpuShares").asLong(0),
            host.path("NanoCpus").asLong(0),
            host.path("CpuQuota").asLong(0),
            host.path("CpuPeriod").asLong(0),
            host.path("PidsLimit").isNumber() ? host.path("PidsLimit").asLong() : null,
            host.path("RestartPolicy").path("Name").asText(""),
            host.path("RestartPolicy").path("MaximumRetryCount").asInt(0),
            ulimits(host.path("Ulimits"))),
        mounts(c.path("Mounts")),
        host.path("CgroupParent").asText(""),
        c.path("GraphDriver").path("Data").path("UpperDir").asText(""));
  }

  /**
   * Port bindings in the engine's shape {@code {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}}.
   * An entry with a null list is exposed but not published, and is skipped.
   */
  static List<PortBinding> bound(JsonNode ports) {
    List<PortBinding> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : ports.properties()) {
      String[] portProto = e.getKey().split("/", 2);
      int containerPort = parseInt(portProto[0]);
      String proto = portProto.length > 1 ? portProto[1] : "tcp";
      for (JsonNode b : e.getValue()) {
        if (out.size() >= MAX_PORTS) {
          return out;
        }
        int hostPort = parseInt(b.path("HostPort").asText(""));
        out.add(new PortBinding(containerPort, proto, b.path("HostIp").asText(""), hostPort));
      }
    }
    return out;
  }

  private static List<Mount> mounts(JsonNode mounts) {
    List<Mount> out = new ArrayList<>();
    for (JsonNode m : mounts) {
      out.add(
          new Mount(
              m.path("Type").asText(""),
              m.path("Source").asText(""),
              m.path("Destination").asText(""),
              m.path("RW").asBoolean(false),
              m.path("Propagation").asText(""),
              m.path("Driver").asText(""),
              m.path("Name").asText("")));
    }
    return out;
  }

  private static List<String> devices(JsonNode devices) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : devices) {
      out.add(d.path("PathOnHost").asText(""));
    }
    return out;
  }

  private static List<String> ulimits(JsonNode ulimits) {
    List<String> out = new ArrayList<>();
    for (JsonNode u : ulimits) {
      out.add(u.path("Name").asText(""));
    }
    return out;
  }

  static Map<String, String> labels(JsonNode labels) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      out.put(e.getKey(), bounded(e.getValue().asText("")));
    }
    return out;
  }

  /** Cuts over-long values and replaces control characters, which have no place in a record. */
  static String bounded(String value) {
    String v = value.length() > MAX_LABEL_VALUE ? value.substring(0, MAX_LABEL_VALUE) + "…" : value;
    StringBuilder out = new StringBuilder(v.length());
    v.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
    return out.toString();
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(e.getKey(), e.getValue().asText(""));
    }
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : node) {
      out.add(n.asText());
    }
    return out;
  }

  private static String stripSlash(String name) {
    return name.startsWith("/") ? name.substring(1) : name;
  }

  private static int parseInt(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The engine's RFC 3339 times; its zero time {@code 0001-01-01T00:00:00Z} means "never". */
  static Instant instant(String text) {
    if (text.isEmpty() || text.startsWith("0001-01-01")) {
      return Instant.EPOCH;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
