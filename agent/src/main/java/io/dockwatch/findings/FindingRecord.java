package io.dockwatch.findings;

import io.dockwatch.config.Waiver;
import io.dockwatch.policy.RuleInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The structured record of a transition, as forwarded to fluentd, GELF and stdout. Field names are
 * an interface that alert rules in Graylog rely on: add fields, never rename one.
 */
public final class FindingRecord {
  private FindingRecord() {}

  public static Map<String, Object> fields(Transition t, String host) {
    Finding f = t.finding();
    RuleInfo rule = f.rule();
    SubjectRef s = f.subject();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", rule.id());
    m.put("title", rule.title());
    m.put("severity", rule.severity().label());
    m.put("state", f.state().label());
    m.put("event", t.kind().label());
    m.put("host", host);
    m.put("subject", s.isHost() ? "host" : "container");
    m.put("container_id", s.containerId());
    m.put("container_name", s.containerName());
    m.put("image", s.image());
    m.put("tenancy", s.tenancy());
    m.put("compose_project", s.composeProject());
    m.put("policy", rule.policy());
    m.put("cis", rule.cis());
    m.put("message", f.violation().message());
    m.put("evidence", f.violation().evidence());
    m.put("remediation", rule.remediation());
    m.put("fingerprint", f.fingerprint());
    m.put("first_seen", f.firstSeen().toString());
    m.put("last_seen", f.lastSeen().toString());
    if (!t.resolution().isEmpty()) {
      m.put("resolution", t.resolution());
    }
    if (f.waiver().isPresent()) {
      Waiver w = f.waiver().get();
      m.put("waiver_reason", w.selector().reason());
      m.put("waiver_expires", w.expires().map(Object::toString).orElse(""));
    }
    return m;
  }
}
