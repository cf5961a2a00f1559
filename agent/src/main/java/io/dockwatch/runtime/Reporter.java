package io.dockwatch.runtime;

import io.dockwatch.findings.FindingRecord;
import io.dockwatch.findings.Transition;
import io.dockwatch.sink.OutboundRecord;
import io.dockwatch.sink.RecordSink;
import java.util.List;

/** Hands transitions to every sink as records. Never blocks: sinks queue what they cannot send. */
public final class Reporter {
  private final String host;
  private final List<RecordSink> sinks;
  private final AgentListener listener;

  public Reporter(String host, List<RecordSink> sinks, AgentListener listener) {
    this.host = host;
    this.sinks = List.copyOf(sinks);
    this.listener = listener;
  }

  void report(List<Transition> transitions) {
    for (Transition t : transitions) {
      OutboundRecord record =
          new OutboundRecord(t.finding().lastSeen(), FindingRecord.fields(t, host));
      for (RecordSink sink : sinks) {
        sink.accept(record);
      }
      listener.findingEmitted(t.kind().label(), t.finding().rule().severity().label());
    }
  }

  List<RecordSink> sinks() {
    return sinks;
  }
}
