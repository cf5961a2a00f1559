package io.dockwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.policy.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates the example configuration at random: whatever the input, the loader either returns a
 * configuration or throws {@link ConfigException} with at least one message naming a place; never
 * any other exception.
 */
class ConfigFuzzTest {
  private static final String[] JUNK = {
    "",
    "\"",
    "[",
    "]",
    "=",
    "\n",
    "[[x]]",
    "\"x\"",
    "-1",
    "1e9",
    "true",
    "{",
    "}",
    ",",
    "#",
    "\u0000",
    "\u00e9",
    "99999999999999999999",
    "[rules]",
    "a.b.c = 1",
    "'''",
    "\"\"\""
  };

  @Test
  void parse_randomMutationsOfTheExample_failOnlyWithConfigException() throws Exception {
    String example = Files.readString(Path.of("..", "config.example.toml"));
    ConfigLoader loader = new ConfigLoader(RuleCatalog.standard().ids(), "h1");
    Random random = new Random(20261204L);
    int rejected = 0;

    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder(example);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(text.length());
        int len = Math.min(text.length() - at, random.nextInt(8));
        text.replace(at, at + len, JUNK[random.nextInt(JUNK.length)]);
      }
      try {
        loader.parse("fuzz.toml", text.toString());
      } catch (ConfigException e) {
        rejected++;
        assertThat(e.problems()).isNotEmpty().allMatch(p -> p.startsWith("fuzz.toml"));
      }
    }

    assertThat(rejected).as("the mutations must reach the error paths").isGreaterThan(500);
  }
}
