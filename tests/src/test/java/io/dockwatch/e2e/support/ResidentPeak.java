package io.dockwatch.e2e.support;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest resident set size of an agent while this watch runs, polled on a thread of its own: a
 * peak between two polls can be missed, so the interval is short.
 */
public final class ResidentPeak implements AutoCloseable {
  private final AgentProcess agent;
  private final AtomicLong peakKib = new AtomicLong();
  private final AtomicLong samples = new AtomicLong();
  private final ScheduledExecutorService poller;

  private ResidentPeak(AgentProcess agent) {
    this.agent = agent;
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "rss-" + agent.pid());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts polling {@code agent} every {@code interval}. */
  public static ResidentPeak watch(AgentProcess agent, Duration interval) {
    ResidentPeak peak = new ResidentPeak(agent);
    peak.poller.scheduleAtFixedRate(peak::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return peak;
  }

  private void sample() {
    try {
      peakKib.accumulateAndGet(agent.residentKib(), Math::max);
      samples.incrementAndGet();
    } catch (UncheckedIOException gone) {
      // The agent has exited: /proc no longer has it, and its peak is what was seen so far.
    }
  }

  /** The highest VmRSS seen so far, in KiB. */
  public long peakKib() {
    return peakKib.get();
  }

  /** How many polls read a value. */
  public long samples() {
    return samples.get();
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
