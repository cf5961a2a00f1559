package io.dockwatch.e2e.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockwatch.e2e.support.Verdict.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdicts of a {@code dockwatch audit --format json} report, by subject and rule. The report
 * lists a failed rule once per violation; here they are one verdict with every violation's detail.
 * A waived failure counts as a failure.
 */
public final class AuditVerdicts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Map<String, List<JsonNode>>> checks;

  private AuditVerdicts(Map<String, Map<String, List<JsonNode>>> checks) {
    this.checks = checks;
  }

  /** Reads the report; fails on anything but a JSON object with a {@code checks} array. */
  public static AuditVerdicts parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("the audit did not print JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.path("checks").isArray()) {
      throw new AssertionError("the audit report has no checks: " + json);
    }
    Map<String, Map<String, List<JsonNode>>> checks = new LinkedHashMap<>();
    for (JsonNode c : root.path("checks")) {
      checks
          .computeIfAbsent(c.path("subject_name").asText(), k -> new LinkedHashMap<>())
          .computeIfAbsent(c.path("rule").asText(), k -> new ArrayList<>())
          .add(c);
    }
    return new AuditVerdicts(checks);
  }

  /** Every rule's verdict on the subject (a container's name, or the host's); empty if unknown. */
  public Map<String, Verdict> of(String subject) {
    Map<String, Verdict> out = new LinkedHashMap<>();
    checks.getOrDefault(subject, Map.of()).forEach((rule, lines) -> out.put(rule, verdict(lines)));
    return out;
  }

  /** The messages the report gives for one rule on one subject. */
  public List<String> messages(String subject, String rule) {
    return checks.getOrDefault(subject, Map.of()).getOrDefault(rule, List.of()).stream()
        .map(c -> c.path("message").asText(""))
        .toList();
  }

  private static Verdict verdict(List<JsonNode> lines) {
    List<String> details = new ArrayList<>();
    Status status = null;
    for (JsonNode c : lines) {
      String word = c.path("status").asText();
      Status s = Status.valueOf(word.equals("waived") ? "FAIL" : word.toUpperCase(Locale.ROOT));
      if (status != null && s != status) {
        throw new AssertionError("rule " + c.path("rule") + " is both " + status + " and " + s);
      }
      status = s;
      details.add(c.path("detail").asText(""));
    }
    return Verdict.seen(status, details);
  }
}
