package io.dockwatch.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An event loop run by the test's own thread: tasks wait until the test runs them, so that a test
 * steps the loop instead of sleeping. Periodic tasks run when the test says their time has come.
 */
final class ManualLoop extends AbstractExecutorService implements ScheduledExecutorService {
  private final Deque<Runnable> ready = new ArrayDeque<>();
  private final List<Runnable> periodic = new ArrayList<>();
  private boolean shutdown;

  /** Runs every task that is ready, and those they make ready, until none is left. */
  void runReady() {
    int guard = 0;
    while (!ready.isEmpty()) {
      if (++guard > 10_000) {
        throw new AssertionError("the loop keeps scheduling work");
      }
      ready.poll().run();
    }
  }

  /** Runs every periodic task once, as if all their periods had passed, then what is ready. */
  void runPeriodic() {
    for (Runnable r : List.copyOf(periodic)) {
      r.run();
    }
    runReady();
  }

  @Override
  public void execute(Runnable command) {
    ready.add(command);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    // one-shot delays (retries, saves) are not stepped by these tests
    return new Handle<>();
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return new Handle<>();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    periodic.add(command);
    return new Handle<>();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    periodic.add(command);
    return new Handle<>();
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.copyOf(ready);
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private static final class Handle<V> implements ScheduledFuture<V> {
    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed o) {
      return 0;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return true;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public V get() {
      return null;
    }

    @Override
    public V get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
