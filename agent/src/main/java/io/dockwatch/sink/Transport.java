package io.dockwatch.sink;

import java.io.IOException;
import java.util.List;

/** Carries batches of encoded records to one peer, one batch at a time, on the caller's thread. */
interface Transport {

  /**
   * Sends a batch and returns once the peer has it, as far as the protocol can tell; connects first
   * if needed. Throws when the batch may not have arrived, after dropping the connection so that
   * the next call starts afresh. Bounded in time by the transport's own timeouts.
   */
  void send(List<byte[]> payloads) throws IOException;

  /** The peer, as {@code host:port}, for logs. */
  String peer();

  /** Releases the connection and any thread of the transport. */
  void close();
}
