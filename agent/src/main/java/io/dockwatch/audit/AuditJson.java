package io.dockwatch.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwatch.audit.CheckResult.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * The audit report as JSON. Field names are an interface (auditors' tooling reads them): add
 * fields, never rename one.
 */
final class AuditJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private AuditJson() {}

  static void write(AuditReport r, OutputStream out) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("host", r.host());
    root.put("generated_at", r.generatedAt().toString());
    root.put("engine_version", r.engineVersion());
    root.put("cis_benchmark", r.benchmark());
    ObjectNode summary = root.putObject("summary");
    for (Map.Entry<Status, Long> e : r.counts().entrySet()) {
      summary.put(e.getKey().label(), e.getValue());
    }
    root.set("skipped", JSON.valueToTree(r.skipped()));
    root.set("problems", JSON.valueToTree(r.problems()));
    ArrayNode checks = root.putArray("checks");
    for (CheckResult c : r.checks()) {
      ObjectNode n = checks.addObject();
      n.put("rule", c.rule());
      n.put("status", c.status().label());
      n.put("severity", c.severity().label());
      n.put("subject", c.subject().name().toLowerCase(Locale.ROOT));
      n.put("subject_name", c.subjectName());
      if (!c.containerId().isEmpty()) {
        n.put("container_id", c.containerId());
        n.put("image", c.image());
      }
      n.put("title", c.title());
      n.put("policy", c.policy());
      n.put("cis", c.cis());
      if (!c.detail().isEmpty()) {
        n.put("detail", c.detail());
      }
      if (!c.message().isEmpty()) {
        n.put("message", c.message());
      }
      n.set("evidence", JSON.valueToTree(c.evidence()));
      if (c.status() == Status.FAIL || c.status() == Status.WAIVED) {
        n.put("remediation", c.remediation());
      }
      if (c.status() == Status.WAIVED) {
        n.put("waiver_reason", c.waiverReason());
        n.put("waiver_expires", c.waiverExpires());
      }
    }
    JSON.writeValue(out, root);
    out.write('\n');
    out.flush();
  }
}
