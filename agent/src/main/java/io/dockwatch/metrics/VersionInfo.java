package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.host.HostReader;
import io.dockwatch.host.Uname;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.function.Supplier;

/**
 * cAdvisor's {@code cadvisor_version_info}: the kernel, the operating system, the engine and this
 * agent in the place of cAdvisor. The kernel and the system are read once, at start; the engine's
 * version is the one read at the last connection, empty until the engine first answered, so that
 * the series exists from the first scrape.
 */
final class VersionInfo implements MultiCollector {
  static final MetricFamily VERSION_INFO =
      gauge(
          "cadvisor_version_info",
          "The versions of the kernel, the operating system, the engine and this agent, always 1.");

  /** What cAdvisor reports when the host's os-release names no system. */
  private static final String UNNAMED_OS = "Linux";

  private final String kernel;
  private final String os;
  private final AgentBuild build;
  private final Supplier<String> engineVersion;

  VersionInfo(String kernel, String os, AgentBuild build, Supplier<String> engineVersion) {
    this.kernel = kernel;
    this.os = os;
    this.build = build;
    this.engineVersion = engineVersion;
  }

  /**
   * The kernel's release from the host's {@code /proc}, or the JVM's (the same kernel) where the
   * host root has none; the system's {@code PRETTY_NAME} from its os-release.
   */
  static VersionInfo read(HostReader host, AgentBuild build, Supplier<String> engineVersion) {
    String kernel = host.uname().map(Uname::release).orElse(System.getProperty("os.version", ""));
    String os =
        host.osRelease()
            .map(r -> r.get("PRETTY_NAME"))
            .filter(n -> !n.isEmpty())
            .orElse(UNNAMED_OS);
    return new VersionInfo(kernel, os, build, engineVersion);
  }

  @Override
  public MetricSnapshots collect() {
    Families out = new Families();
    out.add(
        VERSION_INFO,
        Labels.of(
            "cadvisorRevision", build.revision(),
            "cadvisorVersion", build.version(),
            "dockerVersion", engineVersion.get(),
            "kernelVersion", kernel,
            "osVersion", os),
        1);
    return out.build();
  }
}
