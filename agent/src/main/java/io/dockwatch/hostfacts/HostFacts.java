package io.dockwatch.hostfacts;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the agent knows of the host at one moment: the engine, the daemon's configuration and the
 * host's files. Immutable; each part is empty when it could not be read, with the reason in {@code
 * problems}, so that a rule can say "unknown" rather than guess.
 *
 * @param files the stat of each well-known file found or looked for; a TLS file is missing from the
 *     map when the daemon configures none
 * @param registryCerts every certificate and key under {@code /etc/docker/certs.d}
 * @param mountPoints the host's mount points, from the mount table of its init process
 * @param imageCreated image id to the time the image was built, for the images known
 * @param agentContainerId the container the agent itself runs in, when it runs in one: never judged
 * @param problems by part ({@code engine}, {@code daemon}, {@code audit}, ...), why it is unknown
 */
public record HostFacts(
    Instant readAt,
    Optional<EngineFacts> engine,
    Optional<DaemonConfig> daemon,
    Map<HostFile, FileStat> files,
    List<FileStat> registryCerts,
    Optional<AuditRules> audit,
    Optional<DockerGroup> dockerGroup,
    Optional<Set<String>> mountPoints,
    Optional<Instant> bootTime,
    Map<String, Instant> imageCreated,
    Optional<String> agentContainerId,
    Map<String, String> problems) {

  public HostFacts {
    files = files.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(files));
    registryCerts = List.copyOf(registryCerts);
    mountPoints = mountPoints.map(Set::copyOf);
    imageCreated = Map.copyOf(imageCreated);
    problems = Map.copyOf(problems);
  }

  /** Nothing known, for a context built before the host was read. */
  public static HostFacts unknown(Instant at, String why) {
    return new HostFacts(
        at,
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        Map.of("host", why));
  }

  /** Why a part is unknown, for an "unknown" verdict. */
  public String problem(String part) {
    return problems.getOrDefault(part, problems.getOrDefault("host", part + " was not read"));
  }

  public Optional<FileStat> file(HostFile f) {
    return Optional.ofNullable(files.get(f));
  }

  /** The same facts with more image build times known. */
  public HostFacts withImages(Map<String, Instant> more) {
    Map<String, Instant> all = new HashMap<>(imageCreated);
    all.putAll(more);
    return new HostFacts(
        readAt,
        engine,
        daemon,
        files,
        registryCerts,
        audit,
        dockerGroup,
        mountPoints,
        bootTime,
        all,
        agentContainerId,
        problems);
  }
}
