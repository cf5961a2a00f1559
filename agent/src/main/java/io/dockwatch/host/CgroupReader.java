package io.dockwatch.host;

import io.dockwatch.host.CgroupStats.DeviceIo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a container's usage from its cgroup files, under cgroup v1 or v2 and the cgroupfs or
 * systemd driver. The cgroup is found through the container's main process ({@code
 * /proc/<pid>/cgroup}), else where the engine would have created it for the container's id and
 * {@code CgroupParent}; where it is found is remembered per container.
 *
 * <p>Not thread-safe: one collector thread owns an instance.
 */
public final class CgroupReader {
  private static final String ROOT = "sys/fs/cgroup";

  /**
   * The v1 blkio files in the order cAdvisor (through runc) prefers them, each used only when it
   * counts some device: BFQ's, CFQ's (kernels before 5.0), then the throttling layer's, which is
   * what newer kernels fill. The throttling layer's own-cgroup files are read only where the kernel
   * lacks the recursive ones, which count at least as much.
   */
  private static final List<IoFiles> V1_IO =
      List.of(
          new IoFiles("blkio.bfq.io_service_bytes_recursive", "blkio.bfq.io_serviced_recursive"),
          new IoFiles("blkio.io_service_bytes_recursive", "blkio.io_serviced_recursive"),
          new IoFiles(
              "blkio.throttle.io_service_bytes_recursive", "blkio.throttle.io_serviced_recursive"),
          new IoFiles("blkio.throttle.io_service_bytes", "blkio.throttle.io_serviced"));

  private final HostFiles files;
  private final boolean unified;
  private final DeviceNames devices;
  private final TaskCounter tasks;
  private final Map<String, Location> located = new HashMap<>();

  public CgroupReader(HostFiles files) {
    this.files = files;
    this.unified = files.exists(ROOT + "/cgroup.controllers");
    this.devices = new DeviceNames(files);
    this.tasks = new TaskCounter(files);
  }

  /** Whether the host mounts the unified (v2) hierarchy only. */
  public boolean unified() {
    return unified;
  }

  /**
   * The container's usage now; empty when its cgroup cannot be found or read, which is how a
   * container that stopped a moment ago looks.
   */
  public Optional<CgroupStats> read(String id, int pid, String cgroupParent) {
    Location where = located.get(id);
    if (where == null || where.pid != pid) {
      where = locate(id, pid, cgroupParent);
      if (where == null) {
        return Optional.empty();
      }
      located.put(id, where);
    }
    Optional<CgroupStats> stats = unified ? readV2(where) : readV1(where);
    if (stats.isEmpty()) {
      located.remove(id);
    }
    return stats;
  }

  /**
   * Ends a round: forgets where the cgroups of containers not in {@code ids} were, and the names of
   * devices on which no container did I/O since the last call.
   */
  public void retain(Collection<String> ids) {
    located.keySet().retainAll(ids);
    devices.endRound();
    tasks.retainTouched();
  }

  private Optional<CgroupStats> readV1(Location at) {
    var cpu =
        files
            .read(at.cpuacct + "/cpuacct.usage")
            .flatMap(
                usage ->
                    CgroupV1.cpu(
                        usage,
                        files.read(at.cpuacct + "/cpuacct.stat").orElse(""),
                        files.read(at.cpu + "/cpu.stat")));
    var memory =
        files
            .read(at.memory + "/memory.usage_in_bytes")
            .flatMap(
                usage ->
                    CgroupV1.memory(
                        usage,
                        files.read(at.memory + "/memory.stat").orElse(""),
                        files.read(at.memory + "/memory.oom_control")));
    if (cpu.isEmpty() && memory.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CgroupStats(cpu, memory, ioV1(at), tasks.count(at.memory + "/tasks")));
  }

  private List<DeviceIo> ioV1(Location at) {
    for (IoFiles f : at.io) {
      String bytes = files.read(at.blkio + "/" + f.bytes).orElse("");
      if (CgroupV1.countsDevices(bytes)) {
        String serviced = files.read(at.blkio + "/" + f.serviced).orElse("");
        return devices.named(CgroupV1.io(bytes, serviced));
      }
    }
    return List.of();
  }

  private Optional<CgroupStats> readV2(Location at) {
    var cpu = files.read(at.cpu + "/cpu.stat").flatMap(CgroupV2::cpu);
    var memory =
        files
            .read(at.memory + "/memory.current")
            .flatMap(
                current ->
                    CgroupV2.memory(
                        current,
                        files.read(at.memory + "/memory.stat").orElse(""),
                        files.read(at.memory + "/memory.events")));
    if (cpu.isEmpty() && memory.isEmpty()) {
      return Optional.empty();
    }
    List<DeviceIo> io = files.read(at.blkio + "/io.stat").map(CgroupV2::io).orElse(List.of());
    return Optional.of(
        new CgroupStats(cpu, memory, devices.named(io), tasks.count(at.cpu + "/cgroup.threads")));
  }

  private Location locate(String id, int pid, String cgroupParent) {
    Optional<String> procCgroup =
        pid > 0 ? files.read("proc/" + pid + "/cgroup") : Optional.empty();
    if (unified) {
      String path = procCgroup.flatMap(t -> CgroupPaths.fromProcCgroup(t, "")).orElse(null);
      if (path == null || !files.exists(ROOT + path)) {
        path = firstExisting(ROOT, id, cgroupParent);
      }
      if (path == null) {
        return null;
      }
      String dir = ROOT + path;
      return new Location(pid, dir, dir, dir, dir, List.of());
    }
    if (procCgroup.isPresent()) {
      Optional<String> memory = CgroupPaths.fromProcCgroup(procCgroup.get(), "memory");
      if (memory.isPresent() && files.exists(ROOT + "/memory" + memory.get())) {
        String text = procCgroup.get();
        String blkio =
            ROOT + "/blkio" + CgroupPaths.fromProcCgroup(text, "blkio").orElse(memory.get());
        return new Location(
            pid,
            ROOT + "/cpu" + CgroupPaths.fromProcCgroup(text, "cpu").orElse(memory.get()),
            ROOT + "/cpuacct" + CgroupPaths.fromProcCgroup(text, "cpuacct").orElse(memory.get()),
            ROOT + "/memory" + memory.get(),
            blkio,
            ioFiles(blkio));
      }
    }
    String path = firstExisting(ROOT + "/memory", id, cgroupParent);
    if (path == null) {
      return null;
    }
    String blkio = ROOT + "/blkio" + path;
    return new Location(
        pid,
        ROOT + "/cpu" + path,
        ROOT + "/cpuacct" + path,
        ROOT + "/memory" + path,
        blkio,
        ioFiles(blkio));
  }

  /** The blkio files of {@link #V1_IO} that the kernel has, looked for once per container. */
  private List<IoFiles> ioFiles(String blkio) {
    List<IoFiles> out = new ArrayList<>();
    for (IoFiles f : V1_IO) {
      if (files.exists(blkio + "/" + f.bytes)) {
        out.add(f);
        if (f.bytes.startsWith("blkio.throttle.")) {
          break;
        }
      }
    }
    return out;
  }

  private String firstExisting(String hierarchy, String id, String cgroupParent) {
    for (String candidate : CgroupPaths.candidates(id, cgroupParent)) {
      if (files.exists(hierarchy + candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * The directories (relative to the host root) of a container's cgroup in each controller's
   * hierarchy, and under v1 the blkio files there; under v2 all directories are the same. Found for
   * the process {@code pid}, so that a restarted container is looked up again.
   */
  private record Location(
      int pid, String cpu, String cpuacct, String memory, String blkio, List<IoFiles> io) {}

  /** A pair of v1 blkio files: bytes and requests by device and operation. */
  private record IoFiles(String bytes, String serviced) {}
}
