package io.dockwatch.sink;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finding records as the agent forwards them, numbered so that order and loss show. */
final class TestRecords {
  static final Instant TIME = Instant.parse("2026-03-01T10:15:30.123456789Z");

  private TestRecords() {}

  static OutboundRecord finding(int seq) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("publish_all", true);
    evidence.put("ports", List.of("8080/tcp", "53/udp"));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("rule", "network.publish-all");
    fields.put("severity", "high");
    fields.put("state", "open");
    fields.put("host", "docker-7");
    fields.put("container_id", "c0ffee" + seq);
    fields.put("container_name", "web-" + seq);
    fields.put("image", "local/busybox:1");
    fields.put("message", "web-" + seq + " publishes every exposed port");
    fields.put("evidence", evidence);
    fields.put("remediation", "publish the ports one by one");
    fields.put("fingerprint", "fp-" + seq);
    fields.put("seq", seq);
    return new OutboundRecord(TIME.plusMillis(seq), fields);
  }
}
