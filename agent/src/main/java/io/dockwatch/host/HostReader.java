package io.dockwatch.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the host's state from {@code /proc}, {@code /sys} and {@code /etc} under a {@link
 * HostFiles} root. Each method reads one file (or a few) and hands the text to a pure parser; an
 * empty result means the machine did not answer (file missing, unreadable or malformed).
 */
public final class HostReader {
  private final HostFiles files;

  public HostReader(HostFiles files) {
    this.files = files;
  }

  public HostFiles files() {
    return files;
  }

  public Optional<ProcStat> procStat() {
    return files.read("proc/stat").map(ProcStat::parse);
  }

  public Optional<MemInfo> memInfo() {
    return files.read("proc/meminfo").map(MemInfo::parse);
  }

  public Optional<LoadAverage> loadAverage() {
    return files.read("proc/loadavg").flatMap(LoadAverage::parse);
  }

  public Optional<List<DiskStat>> diskStats() {
    return files.read("proc/diskstats").map(DiskStat::parse);
  }

  /** The host's interfaces that {@code wanted} accepts, as seen from the host's namespace. */
  public Optional<List<NetDevStat>> netDev(Predicate<String> wanted) {
    return files.read("proc/net/dev").map(text -> NetDevStat.parse(text, wanted));
  }

  /** The interfaces of the network namespace that process {@code pid} lives in. */
  public Optional<List<NetDevStat>> netDev(int pid) {
    return files.read("proc/" + pid + "/net/dev").map(text -> NetDevStat.parse(text, d -> true));
  }

  /**
   * The mounts of the host's init process, which are the host's even when this process runs in a
   * container of its own; the reader's own mounts when those are hidden ({@code hidepid}).
   */
  public Optional<List<MountEntry>> mounts() {
    return files.read("proc/1/mounts").or(() -> files.read("proc/mounts")).map(MountEntry::parse);
  }

  /**
   * The operational state word ({@code up}, {@code down}, {@code unknown}…) of each interface that
   * {@code wanted} accepts.
   */
  public Map<String, String> operStates(Predicate<String> wanted) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String device : files.list("sys/class/net")) {
      if (!wanted.test(device)) {
        continue;
      }
      files
          .read("sys/class/net/" + device + "/operstate")
          .ifPresent(state -> out.put(device, Text.firstLine(state)));
    }
    return out;
  }

  public Optional<Map<String, Long>> vmStat() {
    return files.read("proc/vmstat").map(Text::keyedLongs);
  }

  public Optional<FileHandles> fileHandles() {
    return files.read("proc/sys/fs/file-nr").flatMap(FileHandles::parse);
  }

  /** Pressure stall information of {@code cpu}, {@code memory} or {@code io}. */
  public Optional<Pressure> pressure(String resource) {
    return files.read("proc/pressure/" + resource).flatMap(Pressure::parse);
  }

  /** Absent when the connection tracking module is not loaded. */
  public Optional<Conntrack> conntrack() {
    Optional<Long> count = number("proc/sys/net/netfilter/nf_conntrack_count");
    Optional<Long> max = number("proc/sys/net/netfilter/nf_conntrack_max");
    return count.isPresent() && max.isPresent()
        ? Optional.of(new Conntrack(count.get(), max.get()))
        : Optional.empty();
  }

  /**
   * The kernel's identification from {@code /proc/sys/kernel}, which holds what {@code uname(2)}
   * returns. The machine name falls back to the JVM's architecture on kernels before 6.1, which
   * lack {@code arch} there.
   */
  public Optional<Uname> uname() {
    Optional<String> sysname = line("proc/sys/kernel/ostype");
    if (sysname.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Uname(
            sysname.get(),
            line("proc/sys/kernel/osrelease").orElse(""),
            line("proc/sys/kernel/version").orElse(""),
            line("proc/sys/kernel/arch").orElseGet(HostReader::jvmMachine),
            line("proc/sys/kernel/hostname").orElse(""),
            line("proc/sys/kernel/domainname").orElse("")));
  }

  public Optional<OsRelease> osRelease() {
    return files
        .read("etc/os-release")
        .or(() -> files.read("usr/lib/os-release"))
        .map(OsRelease::parse);
  }

  private Optional<String> line(String path) {
    return files.read(path).map(Text::firstLine);
  }

  private Optional<Long> number(String path) {
    return line(path).filter(Text::isInteger).map(Long::parseLong);
  }

  /** uname's machine names for the JVM's architecture names that differ from them. */
  private static String jvmMachine() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64" -> "x86_64";
      case "x86" -> "i686";
      default -> arch;
    };
  }
}
