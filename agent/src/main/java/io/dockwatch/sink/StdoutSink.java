package io.dockwatch.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;

/** One JSON object per line: the journal keeps what a systemd service prints. */
public final class StdoutSink implements RecordSink {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintStream out;

  public StdoutSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(OutboundRecord record) {
    try {
      out.println(JSON.writeValueAsString(record.fields()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a finding record must always serialise", e);
    }
  }

  @Override
  public String name() {
    return "stdout";
  }

  @Override
  public void close(long timeoutMillis) {
    out.flush();
  }
}
