package io.dockwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.config.Config;
import io.dockwatch.config.ConfigException;
import io.dockwatch.config.ConfigLoader;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.SnapshotParser;
import io.dockwatch.policy.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;

/** Inspect JSON captured from a real engine, and configurations, for tests. */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** The raw inspect JSON of a fixture under {@code src/test/resources/inspect/}. */
  public static ObjectNode json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/inspect/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stats answer under {@code src/test/resources/stats/}, recorded from a real engine. */
  public static JsonNode stats(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/stats/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no stats fixture " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ContainerSnapshot inspect(String name) {
    return SnapshotParser.parse(json(name));
  }

  /** A fixture changed before parsing, for cases no captured container shows. */
  public static ContainerSnapshot inspect(String name, Consumer<ObjectNode> change) {
    ObjectNode n = json(name);
    change.accept(n);
    return SnapshotParser.parse(n);
  }

  /** A fixture with the given id, name, creation time and labels. */
  public static ContainerSnapshot container(String id, String created, Map<String, String> labels) {
    return inspect(
        "running-published",
        n -> {
          n.put("Id", id);
          n.put("Name", "/" + id);
          n.put("Created", created);
          ObjectNode l = ((ObjectNode) n.get("Config")).putObject("Labels");
          labels.forEach(l::put);
        });
  }

  /** A configuration from TOML text, with the standard catalogue and host name {@code h1}. */
  public static Config config(String toml) {
    try {
      return new ConfigLoader(RuleCatalog.standard().ids(), "h1").parse("test.toml", toml);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
