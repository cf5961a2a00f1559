package io.dockwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stats endpoint of a {@link FakeEngine}: answers a test sets (recorded from a real engine),
 * failures, and a gate that holds every call back until the test releases it. Counts the calls and
 * the most it had under way at once. Thread safe; a held call holds no lock of the engine's.
 */
public final class FakeStats {
  private final Map<String, JsonNode> answers = new ConcurrentHashMap<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger underWay = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  public FakeStats answer(String id, JsonNode stats) {
    answers.put(id, stats);
    return this;
  }

  /** Calls for {@code id} fail as an engine error does. */
  public FakeStats fail(String id) {
    failing.add(id);
    return this;
  }

  /** Calls from now on wait until {@link #release()}. */
  public void hold() {
    gate = new CountDownLatch(1);
  }

  public void release() {
    gate.countDown();
  }

  public int calls() {
    return calls.get();
  }

  public int underWay() {
    return underWay.get();
  }

  public int mostAtOnce() {
    return mostAtOnce.get();
  }

  Optional<JsonNode> call(String id) throws IOException {
    calls.incrementAndGet();
    mostAtOnce.accumulateAndGet(underWay.incrementAndGet(), Math::max);
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IOException("held too long");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      underWay.decrementAndGet();
    }
    if (failing.contains(id)) {
      throw new IOException("engine answered HTTP 500");
    }
    return Optional.ofNullable(answers.get(id));
  }
}
