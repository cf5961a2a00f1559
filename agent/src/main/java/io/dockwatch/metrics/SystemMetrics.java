package io.dockwatch.metrics;

import static io.dockwatch.metrics.MetricFamily.counter;
import static io.dockwatch.metrics.MetricFamily.gauge;

import io.dockwatch.host.FileHandles;
import io.dockwatch.host.HostReader;
import io.dockwatch.host.OsRelease;
import io.dockwatch.host.Pressure;
import io.dockwatch.host.Uname;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kernel's and the distribution's identity, file handles and pressure stall times. */
final class SystemMetrics implements HostArea {
  static final MetricFamily UNAME =
      gauge("node_uname_info", "The kernel's identification as uname(2) reports it, always 1.");
  static final MetricFamily OS_INFO =
      gauge("node_os_info", "The distribution's identification from os-release, always 1.");
  static final MetricFamily OS_VERSION =
      gauge("node_os_version", "The distribution's version as a number, from VERSION_ID.");
  static final MetricFamily FILEFD_ALLOCATED =
      gauge("node_filefd_allocated", "File handles the kernel has allocated.");
  static final MetricFamily FILEFD_MAXIMUM =
      gauge("node_filefd_maximum", "File handles the kernel allows at most.");
  static final MetricFamily CPU_WAITING =
      counter(
          "node_pressure_cpu_waiting_seconds_total",
          "Seconds in which at least one task waited for a CPU.");
  static final MetricFamily CPU_STALLED =
      counter(
          "node_pressure_cpu_stalled_seconds_total",
          "Seconds in which all non-idle tasks waited for a CPU.");
  static final MetricFamily MEMORY_WAITING =
      counter(
          "node_pressure_memory_waiting_seconds_total",
          "Seconds in which at least one task waited for memory.");
  static final MetricFamily MEMORY_STALLED =
      counter(
          "node_pressure_memory_stalled_seconds_total",
          "Seconds in which all non-idle tasks waited for memory.");
  static final MetricFamily IO_WAITING =
      counter(
          "node_pressure_io_waiting_seconds_total",
          "Seconds in which at least one task waited for I/O.");
  static final MetricFamily IO_STALLED =
      counter(
          "node_pressure_io_stalled_seconds_total",
          "Seconds in which all non-idle tasks waited for I/O.");

  /** The leading major.minor of a version such as {@code 3.18.4}. */
  private static final Pattern VERSION = Pattern.compile("^[0-9]+\\.?[0-9]*");

  private final HostReader host;

  SystemMetrics(HostReader host) {
    this.host = host;
  }

  @Override
  public List<Part> parts() {
    return List.of(
        new Part("uname", out -> HostArea.whenPresent(host.uname(), u -> uname(u, out))),
        new Part("os", out -> HostArea.whenPresent(host.osRelease(), os -> os(os, out))),
        new Part("filefd", out -> HostArea.whenPresent(host.fileHandles(), fd -> fd(fd, out))),
        new Part("pressure", this::pressure));
  }

  private static void fd(FileHandles fd, Families out) {
    out.add(FILEFD_ALLOCATED, fd.allocated());
    out.add(FILEFD_MAXIMUM, fd.maximum());
  }

  /** node_exporter's pressure collector fails as a whole when one of the three is missing. */
  private boolean pressure(Families out) {
    boolean cpu =
        HostArea.whenPresent(host.pressure("cpu"), p -> pressure(p, CPU_WAITING, CPU_STALLED, out));
    boolean memory =
        HostArea.whenPresent(
            host.pressure("memory"), p -> pressure(p, MEMORY_WAITING, MEMORY_STALLED, out));
    boolean io =
        HostArea.whenPresent(host.pressure("io"), p -> pressure(p, IO_WAITING, IO_STALLED, out));
    return cpu && memory && io;
  }

  private static void uname(Uname u, Families out) {
    out.add(
        UNAME,
        Labels.of(
            "sysname", u.sysname(),
            "release", u.release(),
            "version", u.version(),
            "machine", u.machine(),
            "nodename", u.nodename(),
            "domainname", u.domainname()),
        1);
  }

  private static void os(OsRelease os, Families out) {
    out.add(
        OS_INFO,
        Labels.of(
            new String[] {
              "build_id",
              "id",
              "id_like",
              "image_id",
              "image_version",
              "name",
              "pretty_name",
              "variant",
              "variant_id",
              "version",
              "version_codename",
              "version_id"
            },
            new String[] {
              os.get("BUILD_ID"),
              os.get("ID"),
              os.get("ID_LIKE"),
              os.get("IMAGE_ID"),
              os.get("IMAGE_VERSION"),
              os.get("NAME"),
              os.get("PRETTY_NAME"),
              os.get("VARIANT"),
              os.get("VARIANT_ID"),
              os.get("VERSION"),
              os.get("VERSION_CODENAME"),
              os.get("VERSION_ID")
            }),
        1);
    Matcher version = VERSION.matcher(os.get("VERSION_ID"));
    if (version.find()) {
      out.add(
          OS_VERSION,
          Labels.of("id", os.get("ID"), "id_like", os.get("ID_LIKE"), "name", os.get("NAME")),
          Double.parseDouble(version.group()));
    }
  }

  private static void pressure(
      Pressure p, MetricFamily waiting, MetricFamily stalled, Families out) {
    out.add(waiting, p.someMicros() / 1e6);
    p.fullMicros().ifPresent(full -> out.add(stalled, full / 1e6));
  }
}
