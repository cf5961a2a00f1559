package io.dockwatch.testing;

import io.dockwatch.sink.OutboundRecord;
import io.dockwatch.sink.RecordSink;
import io.dockwatch.sink.SinkStats;
import java.util.ArrayList;
import java.util.List;

/** Keeps every record it is given, for assertions. */
public final class RecordingSink implements RecordSink {
  private final List<OutboundRecord> records = new ArrayList<>();

  @Override
  public synchronized void accept(OutboundRecord record) {
    records.add(record);
  }

  public synchronized List<OutboundRecord> records() {
    return List.copyOf(records);
  }

  /** The records about containers, leaving out those about the host. */
  public synchronized List<OutboundRecord> containerRecords() {
    return records.stream().filter(r -> "container".equals(r.fields().get("subject"))).toList();
  }

  /** {@code event:rule:container_name} of every container record of the rules, in order. */
  public synchronized List<String> summary(String rulePrefix) {
    return records.stream()
        .filter(r -> "container".equals(r.fields().get("subject")))
        .filter(r -> r.fields().get("rule").toString().startsWith(rulePrefix))
        .map(
            r ->
                r.fields().get("event")
                    + ":"
                    + r.fields().get("rule")
                    + ":"
                    + r.fields().get("container_name"))
        .toList();
  }

  @Override
  public synchronized SinkStats stats() {
    return new SinkStats(0, 0, records.size(), 0, 0);
  }

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public void close(long timeoutMillis) {}
}
