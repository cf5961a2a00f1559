package io.dockwatch.policy;

import io.dockwatch.config.RulesConfig;
import java.util.List;
import java.util.Map;

/**
 * The parameters of rules: the operator's values from {@code [rules.settings."RULE"]} over the
 * catalogue's defaults. The configuration loader has already checked names and types against the
 * catalogue, so a wrong type here is a defect of ours and throws.
 */
final class RuleSettings {
  private final RuleCatalog catalog;
  private final Map<String, Map<String, Object>> configured;

  RuleSettings(RuleCatalog catalog, RulesConfig config) {
    this.catalog = catalog;
    this.configured = config.settings();
  }

  long number(String rule, String key) {
    return (Long) value(rule, key);
  }

  boolean flag(String rule, String key) {
    return (Boolean) value(rule, key);
  }

  String text(String rule, String key) {
    return (String) value(rule, key);
  }

  @SuppressWarnings("unchecked")
  List<String> list(String rule, String key) {
    return (List<String>) value(rule, key);
  }

  private Object value(String rule, String key) {
    Object v = configured.getOrDefault(rule, Map.of()).get(key);
    if (v == null) {
      v = catalog.settings(rule).get(key);
    }
    if (v == null) {
      throw new IllegalStateException("rule " + rule + " has no setting " + key);
    }
    return v;
  }
}
