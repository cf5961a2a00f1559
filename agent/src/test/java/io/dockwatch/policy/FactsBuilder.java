package io.dockwatch.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockwatch.hostfacts.AuditRules;
import io.dockwatch.hostfacts.DaemonConfig;
import io.dockwatch.hostfacts.DaemonFlags;
import io.dockwatch.hostfacts.DockerGroup;
import io.dockwatch.hostfacts.EngineFacts;
import io.dockwatch.hostfacts.FileStat;
import io.dockwatch.hostfacts.HostFacts;
import io.dockwatch.hostfacts.HostFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Host facts as a test states them, without a host to read. */
public final class FactsBuilder {
  private Optional<EngineFacts> engine = Optional.of(Fixtures.engine());
  private Optional<DaemonConfig> daemon = Optional.empty();
  private final Map<HostFile, FileStat> files = new HashMap<>();
  private final List<FileStat> certs = new ArrayList<>();
  private Optional<AuditRules> audit = Optional.empty();
  private Optional<DockerGroup> group = Optional.empty();
  private Optional<Set<String>> mounts = Optional.empty();
  private Optional<Instant> boot = Optional.empty();
  private final Map<String, Instant> images = new HashMap<>();
  private Optional<String> agent = Optional.empty();
  private final Map<String, String> problems = new LinkedHashMap<>();

  public FactsBuilder engine(EngineFacts e) {
    engine = Optional.of(e);
    return this;
  }

  public FactsBuilder noEngine() {
    engine = Optional.empty();
    problems.put("engine", "not read in this test");
    return this;
  }

  /** The daemon started with these arguments and this {@code daemon.json} (or null for none). */
  public FactsBuilder daemon(List<String> args, String json) {
    try {
      daemon =
          Optional.of(
              new DaemonConfig(
                  4145,
                  DaemonFlags.parse(args),
                  DaemonConfig.DEFAULT_CONFIG_FILE,
                  json == null ? null : new ObjectMapper().readTree(json),
                  Optional.empty()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public FactsBuilder file(HostFile f, FileStat stat) {
    files.put(f, stat);
    return this;
  }

  public FactsBuilder cert(FileStat stat) {
    certs.add(stat);
    return this;
  }

  public FactsBuilder audit(String... ruleLines) {
    audit =
        Optional.of(
            new AuditRules(
                AuditRules.parse(List.of(ruleLines)), List.of("/etc/audit/audit.rules")));
    return this;
  }

  public FactsBuilder group(int gid, String... members) {
    group = Optional.of(new DockerGroup("docker", gid, List.of(members)));
    return this;
  }

  public FactsBuilder mounts(String... points) {
    mounts = Optional.of(Set.of(points));
    return this;
  }

  public FactsBuilder boot(Instant at) {
    boot = Optional.of(at);
    return this;
  }

  public FactsBuilder image(String id, Instant created) {
    images.put(id, created);
    return this;
  }

  public FactsBuilder agent(String containerId) {
    agent = Optional.of(containerId);
    return this;
  }

  public HostFacts build(Instant at) {
    if (daemon.isEmpty()) {
      problems.putIfAbsent("daemon", "not read in this test");
    }
    return new HostFacts(
        at, engine, daemon, files, certs, audit, group, mounts, boot, images, agent, problems);
  }
}
