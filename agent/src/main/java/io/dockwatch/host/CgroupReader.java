package io.dockwatch.host;

import java.util.Collection;
import java.util.HashMap;
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

  private final HostFiles files;
  private final boolean unified;
  private final Map<String, Location> located = new HashMap<>();

  public CgroupReader(HostFiles files) {
    this.files = files;
    this.unified = files.exists(ROOT + "/cgroup.controllers");
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

  /** Forgets where the cgroups of containers not in {@code ids} were. */
  public void retain(Collection<String> ids) {
    located.keySet().retainAll(ids);
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
    return stats(cpu, memory);
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
    return stats(cpu, memory);
  }

  private static Optional<CgroupStats> stats(
      Optional<CgroupStats.CpuUsage> cpu, Optional<CgroupStats.MemoryUsage> memory) {
    return cpu.isEmpty() && memory.isEmpty()
        ? Optional.empty()
        : Optional.of(new CgroupStats(cpu, memory));
  }

  private Location locate(String id, int pid, String cgroupParent) {
    Optional<String> procCgroup =
        pid > 0 ? files.read("proc/" + pid + "/cgroup") : Optional.empty();
    if (unified) {
      String path = procCgroup.flatMap(t -> CgroupPaths.fromProcCgroup(t, "")).orElse(null);
      if (path == null || !files.exists(ROOT + path)) {
        path = firstExisting(ROOT, id, cgroupParent);
      }
      return path == null ? null : new Location(pid, ROOT + path, ROOT + path, ROOT + path);
    }
    if (procCgroup.isPresent()) {
      Optional<String> memory = CgroupPaths.fromProcCgroup(procCgroup.get(), "memory");
      if (memory.isPresent() && files.exists(ROOT + "/memory" + memory.get())) {
        String text = procCgroup.get();
        return new Location(
            pid,
            ROOT + "/cpu" + CgroupPaths.fromProcCgroup(text, "cpu").orElse(memory.get()),
            ROOT + "/cpuacct" + CgroupPaths.fromProcCgroup(text, "cpuacct").orElse(memory.get()),
            ROOT + "/memory" + memory.get());
      }
    }
    String path = firstExisting(ROOT + "/memory", id, cgroupParent);
    return path == null
        ? null
        : new Location(
            pid, ROOT + "/cpu" + path, ROOT + "/cpuacct" + path, ROOT + "/memory" + path);
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
   * hierarchy; under v2 all three are the same. Found for the process {@code pid}, so that a
   * restarted container is looked up again.
   */
  private record Location(int pid, String cpu, String cpuacct, String memory) {}
}
