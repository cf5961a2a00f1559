package io.dockwatch.sink;

/**
 * A sink's counters and gauges at one moment, for the agent's own metrics.
 *
 * @param backlogRecords records taken but not yet delivered (a gauge)
 * @param backlogBytes bytes those records occupy in the sink's buffer, framing included; zero for a
 *     sink that buffers in memory only (a gauge)
 * @param delivered records delivered since the sink started (a counter)
 * @param failedAttempts attempts to deliver a batch, or to store how far delivery got, that failed
 *     since the sink started (a counter)
 * @param dropped records refused since the sink started: buffer full, disk failing or too slow for
 *     the records offered, or offered after close (a counter)
 */
public record SinkStats(
    long backlogRecords, long backlogBytes, long delivered, long failedAttempts, long dropped) {}
