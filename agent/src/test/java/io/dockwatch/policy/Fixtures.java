package io.dockwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.config.Config;
import io.dockwatch.config.ConfigException;
import io.dockwatch.config.ConfigLoader;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.SnapshotParser;
import io.dockwatch.hostfacts.EngineFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Inspect and engine JSON captured from a real engine (Docker 20.10, with the containers'
 * environment removed), and configurations written as operators write them.
 */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** A container of {@code inspect/NAME.json}, such as {@code running} or {@code privileged}. */
  public static ContainerSnapshot container(String name) {
    return container(name, c -> {});
  }

  /** A container with its inspect JSON changed first, for states a test engine cannot reach. */
  public static ContainerSnapshot container(String name, Consumer<ObjectNode> edit) {
    ObjectNode json = (ObjectNode) json("inspect/" + name + ".json");
    edit.accept(json);
    return SnapshotParser.parse(json);
  }

  /** The raw inspect JSON of a fixture, as the engine serves it. */
  public static JsonNode inspectJson(String name) {
    return json("inspect/" + name + ".json");
  }

  /** A document of {@code engine/}, such as {@code info.json} or {@code exec-root.json}. */
  public static JsonNode engineJson(String file) {
    return json("engine/" + file);
  }

  /** The test engine: overlay2, json-file, seccomp only (no AppArmor, no SELinux). */
  public static EngineFacts engine() {
    return engine(info -> {});
  }

  public static EngineFacts engine(Consumer<ObjectNode> editInfo) {
    ObjectNode info = (ObjectNode) engineJson("info.json");
    editInfo.accept(info);
    return EngineFacts.parse(info, engineJson("version.json"));
  }

  public static Config config(String toml) {
    try {
      return new ConfigLoader(RuleCatalog.standard().ids(), "testhost").parse("test.toml", toml);
    } catch (ConfigException e) {
      throw new AssertionError("fixture configuration is invalid: " + e.getMessage(), e);
    }
  }

  public static Policy policy(String toml) {
    return new Policy(config(toml));
  }

  private static JsonNode json(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
