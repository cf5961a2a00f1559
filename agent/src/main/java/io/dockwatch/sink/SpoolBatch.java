package io.dockwatch.sink;

import java.util.List;

/**
 * Records read from a spool but not yet committed.
 *
 * @param payloads the records, oldest first
 * @param end the position after the last of them; committing it removes them from the spool
 */
record SpoolBatch(List<byte[]> payloads, SpoolPosition end) {
  SpoolBatch {
    payloads = List.copyOf(payloads);
  }

  int size() {
    return payloads.size();
  }

  long payloadBytes() {
    long bytes = 0;
    for (byte[] payload : payloads) {
      bytes += payload.length;
    }
    return bytes;
  }
}
