package io.dockwatch.metrics;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.ContainerSnapshot.Resources;
import io.dockwatch.docker.ContainerSnapshot.Security;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds container snapshots for tests, with the values metrics read and defaults elsewhere. */
final class TestContainer {
  private final String id;
  private String name;
  private String image = "local/busybox:1";
  private String status = "running";
  private int pid;
  private int exitCode;
  private boolean oomKilled;
  private Instant startedAt = Instant.parse("2026-03-01T10:00:00.250Z");
  private int restartCount;
  private String health = "";
  private boolean healthcheck;
  private Map<String, String> labels = Map.of();
  private String networkMode = "bridge";
  private Resources resources = resources(0, 0, 0, 0, 0);
  private String cgroupParent = "";
  private String upperDir = "";

  private TestContainer(String id, String name) {
    this.id = id;
    this.name = name;
  }

  static TestContainer container(String id, String name) {
    return new TestContainer(id, name);
  }

  static Resources resources(
      long memoryBytes, long cpuShares, long nanoCpus, long cpuQuota, long cpuPeriod) {
    return new Resources(
        memoryBytes, cpuShares, nanoCpus, cpuQuota, cpuPeriod, null, "no", 0, List.of());
  }

  TestContainer name(String value) {
    name = value;
    return this;
  }

  TestContainer image(String value) {
    image = value;
    return this;
  }

  TestContainer running(int processId) {
    status = "running";
    pid = processId;
    return this;
  }

  TestContainer created() {
    status = "created";
    pid = 0;
    startedAt = Instant.EPOCH;
    return this;
  }

  TestContainer exited(int code, boolean oom) {
    status = "exited";
    pid = 0;
    exitCode = code;
    oomKilled = oom;
    return this;
  }

  TestContainer startedAt(Instant value) {
    startedAt = value;
    return this;
  }

  TestContainer restarts(int value) {
    restartCount = value;
    return this;
  }

  TestContainer health(String value) {
    healthcheck = true;
    health = value;
    return this;
  }

  TestContainer labels(Map<String, String> value) {
    labels = value;
    return this;
  }

  TestContainer networkMode(String value) {
    networkMode = value;
    return this;
  }

  TestContainer resources(Resources value) {
    resources = value;
    return this;
  }

  TestContainer cgroupParent(String value) {
    cgroupParent = value;
    return this;
  }

  TestContainer upperDir(String value) {
    upperDir = value;
    return this;
  }

  ContainerSnapshot build() {
    return new ContainerSnapshot(
        id,
        name,
        image,
        "sha256:3f0cae96c42e",
        Instant.parse("2026-03-01T09:59:59Z"),
        status,
        pid,
        exitCode,
        oomKilled,
        startedAt,
        restartCount,
        health,
        healthcheck,
        labels,
        "json-file",
        Map.of(),
        networkMode,
        List.of(networkMode),
        false,
        List.of(),
        new Security(
            false, List.of(), List.of(), false, List.of(), "", "", "", "", "", "", List.of()),
        resources,
        List.of(),
        cgroupParent,
        upperDir);
  }
}
