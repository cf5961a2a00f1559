package io.dockwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue of every rule, read from {@code catalog.toml} beside this class. A rule that is not
 * in the catalogue cannot exist: rule classes take their {@link RuleInfo} from here.
 */
public final class RuleCatalog {
  private static final RuleCatalog STANDARD = load();

  private final Map<String, RuleInfo> rules;

  private RuleCatalog(Map<String, RuleInfo> rules) {
    this.rules = Collections.unmodifiableMap(rules);
  }

  public static RuleCatalog standard() {
    return STANDARD;
  }

  public RuleInfo get(String id) {
    RuleInfo info = rules.get(id);
    if (info == null) {
      throw new IllegalArgumentException("rule " + id + " is not in the catalogue");
    }
    return info;
  }

  public Collection<RuleInfo> all() {
    return rules.values();
  }

  public java.util.Set<String> ids() {
    return rules.keySet();
  }

  private static RuleCatalog load() {
    try (InputStream in = RuleCatalog.class.getResourceAsStream("catalog.toml")) {
      if (in == null) {
        throw new IllegalStateException("catalog.toml is missing from the build");
      }
      Map<String, RuleInfo> rules = new LinkedHashMap<>();
      for (JsonNode r : new TomlMapper().readTree(in).path("rule")) {
        RuleInfo info =
            new RuleInfo(
                r.path("id").asText(),
                Severity.parse(r.path("severity").asText())
                    .orElseThrow(() -> new IllegalStateException("bad severity in " + r)),
                Subject.valueOf(r.path("subject").asText().toUpperCase(Locale.ROOT)),
                r.path("policy").asText(),
                r.path("cis").asText(),
                r.path("title").asText(),
                r.path("remediation").asText());
        if (rules.put(info.id(), info) != null) {
          throw new IllegalStateException("rule " + info.id() + " is listed twice");
        }
      }
      return new RuleCatalog(rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
