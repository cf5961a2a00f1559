package io.dockwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue of every rule, read from {@code catalog.toml} beside this class. A rule that is not
 * in the catalogue cannot exist: rule classes take their {@link RuleInfo} from here, and rules that
 * take parameters declare them with their defaults here too.
 */
public final class RuleCatalog {
  private static final RuleCatalog STANDARD = load();

  private final Map<String, RuleInfo> rules;
  private final Map<String, Map<String, Object>> settings;

  private RuleCatalog(Map<String, RuleInfo> rules, Map<String, Map<String, Object>> settings) {
    this.rules = Collections.unmodifiableMap(rules);
    this.settings = Collections.unmodifiableMap(settings);
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

  public Set<String> ids() {
    return rules.keySet();
  }

  /**
   * The parameters a rule takes, each with its default: a {@code Long}, {@code Boolean}, {@code
   * String} or {@code List<String>}, the types the configuration's rule settings have.
   */
  public Map<String, Object> settings(String id) {
    return settings.getOrDefault(id, Map.of());
  }

  /** Every rule as {@code dockwatch rules} lists it, CIS numbers in the given version's terms. */
  public List<RuleInfo> listing(CisBenchmark benchmark) {
    List<RuleInfo> out = new ArrayList<>();
    for (RuleInfo r : rules.values()) {
      out.add(r.withCis(benchmark.number(r.cis())));
    }
    return out;
  }

  /** The listing as an aligned text table: id, severity, subject, policy section, CIS, title. */
  public void writeListing(CisBenchmark benchmark, PrintStream out) {
    writeListing(benchmark, Map.of(), Set.of(), out);
  }

  /**
   * The listing as a host's configuration shapes it: re-rated severities shown, switched-off rules
   * marked {@code off}.
   */
  public void writeListing(
      CisBenchmark benchmark,
      Map<String, Severity> severity,
      Set<String> disabled,
      PrintStream out) {
    out.printf(
        "%-32s %-8s %-9s %-22s %-9s %s%n",
        "RULE", "SEVERITY", "SUBJECT", "POLICY", "CIS " + benchmark.label(), "TITLE");
    for (RuleInfo r : listing(benchmark)) {
      String rating =
          disabled.contains(r.id()) ? "off" : severity.getOrDefault(r.id(), r.severity()).label();
      out.printf(
          "%-32s %-8s %-9s %-22s %-9s %s%n",
          r.id(),
          rating,
          r.subject().name().toLowerCase(Locale.ROOT),
          r.policy(),
          r.cis().isEmpty() ? "-" : r.cis(),
          r.title());
    }
  }

  private static RuleCatalog load() {
    try (InputStream in = RuleCatalog.class.getResourceAsStream("catalog.toml")) {
      if (in == null) {
        throw new IllegalStateException("catalog.toml is missing from the build");
      }
      Map<String, RuleInfo> rules = new LinkedHashMap<>();
      Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
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
        if (r.has("settings")) {
          settings.put(info.id(), plain(info.id(), r.get("settings")));
        }
      }
      return new RuleCatalog(rules, settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> plain(String id, JsonNode table) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : table.properties()) {
      JsonNode v = e.getValue();
      Object value;
      if (v.isIntegralNumber()) {
        value = v.asLong();
      } else if (v.isBoolean()) {
        value = v.asBoolean();
      } else if (v.isTextual()) {
        value = v.asText();
      } else if (v.isArray()) {
        List<String> items = new ArrayList<>();
        v.forEach(item -> items.add(item.asText()));
        value = List.copyOf(items);
      } else {
        throw new IllegalStateException("setting " + e.getKey() + " of " + id + " has a bad type");
      }
      out.put(e.getKey(), value);
    }
    return Collections.unmodifiableMap(out);
  }
}
