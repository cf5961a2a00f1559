package io.dockwatch.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A container's {@code container_cpu_usage_seconds_total} as a scraper sees it, measured as a rate
 * over a window next to the kernel's own count of the container's CPU time in the same window.
 */
public final class CpuRate {
  private static final String CPU = "container_cpu_usage_seconds_total";

  private final AgentProcess agent;
  private final int port;
  private final String container;
  private final Path kernelUsage;

  /**
   * Cores used over a window: as the scraped counter rose, and as the kernel counted them.
   *
   * @param seconds the window, from the first fresh value to the last
   */
  public record Cores(double scraped, double kernel, double seconds) {}

  /**
   * A counter's value, when the test first saw it by its own monotonic clock, and the kernel's
   * count of the container's CPU seconds read at that moment.
   */
  private record Sample(double value, long seenNanos, double kernelSeconds) {}

  private CpuRate(AgentProcess agent, int port, String container, Path kernelUsage) {
    this.agent = agent;
    this.port = port;
    this.container = container;
    this.kernelUsage = kernelUsage;
  }

  /** The rate of the running container named {@code container} on the agent's {@code port}. */
  public static CpuRate of(Engine engine, AgentProcess agent, int port, String container) {
    return new CpuRate(agent, port, container, cgroupCpuUsage(engine, container));
  }

  /**
   * Waits for the counter to appear and move, then measures over at least {@code window}. The
   * counter moves once per collection: a window opened and closed on fresh values is off by a poll
   * interval at most, not by a whole collection interval.
   */
  public Cores over(Duration window) {
    Sample appeared = awaitChange(-1, System.nanoTime());
    Sample first = awaitChange(appeared.value(), System.nanoTime());
    Sample second = awaitChange(first.value(), first.seenNanos() + window.toNanos());
    double seconds = (second.seenNanos() - first.seenNanos()) / 1e9;
    return new Cores(
        (second.value() - first.value()) / seconds,
        (second.kernelSeconds() - first.kernelSeconds()) / seconds,
        seconds);
  }

  /** The first scrape after {@code notBefore} whose value differs from {@code before}. */
  private Sample awaitChange(double before, long notBefore) {
    HttpReply reply =
        agent.awaitGet(
            port,
            "/metrics",
            r -> System.nanoTime() - notBefore >= 0 && value(r).orElse(before) != before);
    return new Sample(value(reply).getAsDouble(), System.nanoTime(), kernelSeconds());
  }

  private OptionalDouble value(HttpReply reply) {
    return SeriesLines.value(reply.body(), CPU, "name", container);
  }

  /** The file where the kernel counts the CPU time of the container's cgroup. */
  private static Path cgroupCpuUsage(Engine engine, String container) {
    String pid = engine.docker("inspect", "-f", "{{.State.Pid}}", container).strip();
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "cgroup"))) {
        String[] parts = line.split(":", 3);
        if (List.of(parts[1].split(",")).contains("cpuacct")) {
          return Path.of("/sys/fs/cgroup/cpuacct" + parts[2], "cpuacct.usage");
        }
        if (parts[0].equals("0") && parts[1].isEmpty()) {
          return Path.of("/sys/fs/cgroup" + parts[2], "cpu.stat");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no CPU cgroup for PID " + pid);
  }

  // cgroup v1 counts nanoseconds in cpuacct.usage; v2 microseconds as usage_usec in cpu.stat.
  private double kernelSeconds() {
    try {
      String text = Files.readString(kernelUsage);
      if (kernelUsage.endsWith("cpuacct.usage")) {
        return Long.parseLong(text.strip()) / 1e9;
      }
      return text.lines()
              .filter(line -> line.startsWith("usage_usec "))
              .mapToLong(line -> Long.parseLong(line.substring("usage_usec ".length())))
              .findFirst()
              .orElseThrow()
          / 1e6;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
