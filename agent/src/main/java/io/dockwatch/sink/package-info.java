/**
 * Where finding records go: fluentd ({@link io.dockwatch.sink.FluentdSink}), Graylog over GELF
 * ({@link io.dockwatch.sink.GelfSink}) and the journal through standard output ({@link
 * io.dockwatch.sink.StdoutSink}).
 *
 * <p>Every sink takes records on the caller's thread without waiting for its peer and delivers them
 * on a thread of its own. The fluentd and GELF sinks keep records in a bounded on-disk spool until
 * the peer has them, so that an outage of the peer or a restart of the agent loses nothing:
 *
 * <ul>
 *   <li>{@code accept} puts a record in a bounded queue in memory; a writer thread puts it in the
 *       spool file microseconds later (from then on it survives the agent being killed) and forces
 *       it to stable storage within 200 ms and the time of one fsync;
 *   <li>it leaves the spool only after the peer took it (fluentd's ack; for GELF, a flushed write
 *       on a connection that stayed open), so delivery is at least once, and each record carries a
 *       unique {@code record_id} by which copies are recognised;
 *   <li>when the spool is full, or the disk so slow that the queue fills, new records are refused,
 *       counted and logged once per episode;
 *   <li>a crash mid-write leaves a torn record at the end of a segment, which the next start cuts
 *       off with a log line.
 * </ul>
 */
package io.dockwatch.sink;
