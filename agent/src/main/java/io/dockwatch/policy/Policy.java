package io.dockwatch.policy;

import io.dockwatch.config.Config;
import io.dockwatch.config.Selector;
import io.dockwatch.config.Waiver;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.hostfacts.HostFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The policy as this host's configuration shapes it: the enabled rules with their configured
 * severities, the exceptions, the CIS benchmark version findings are numbered in, and the
 * containers that are not judged (declared infrastructure, and the agent's own container).
 */
public final class Policy {
  private final List<ContainerRule> containerRules;
  private final List<HostRule> hostRules;
  private final Config config;
  private final Tenancy tenancy;

  public Policy(Config config) {
    this.config = config;
    this.tenancy = new Tenancy(config.tenancy());
    RuleSettings settings = new RuleSettings(RuleCatalog.standard(), config.rules());
    CisBenchmark benchmark = config.rules().cisBenchmark();
    List<ContainerRule> container = new ArrayList<>();
    container.addAll(TenancyRules.all(tenancy));
    container.addAll(LoggingRules.all(config.rules()));
    container.addAll(PatchRules.containerRules(settings));
    container.addAll(MonitoringRules.all(settings));
    container.addAll(BackupRules.all(settings));
    container.addAll(ImmutableRules.all());
    container.addAll(RemoteRules.containerRules(settings, config.remoteAccess(), benchmark));
    container.addAll(NetworkRules.all(config.rules()));
    container.addAll(CisIsolationRules.all());
    container.addAll(CisResourceRules.all(settings));
    container.addAll(CisMountRules.all());
    List<HostRule> host = new ArrayList<>();
    host.addAll(LoggingRules.hostRules(config.rules()));
    host.addAll(PatchRules.hostRules(settings));
    host.addAll(RemoteRules.hostRules());
    host.addAll(EngineRules.all());
    host.addAll(CisHostRules.all(settings));
    host.addAll(CisDaemonRules.all(benchmark));
    host.addAll(CisFileRules.all());
    this.containerRules = enabled(container, r -> r.info().id());
    this.hostRules = enabled(host, r -> r.info().id());
  }

  private <T> List<T> enabled(List<T> rules, Function<T, String> id) {
    return rules.stream().filter(r -> !config.rules().disabled().contains(id.apply(r))).toList();
  }

  /** Whether the container is declared infrastructure (a log proxy, this agent): not judged. */
  public Optional<Selector> infrastructure(ContainerSnapshot c) {
    return config.infrastructure().stream()
        .filter(s -> s.matches(c.name(), c.image(), c.labels()))
        .findFirst();
  }

  /** Whether the container is the one the agent itself runs in: never judged. */
  public static boolean isAgent(ContainerSnapshot c, HostFacts facts) {
    return facts.agentContainerId().map(c.id()::equals).orElse(false);
  }

  /** Whether the container is judged at all. */
  public boolean judged(ContainerSnapshot c, HostFacts facts) {
    return infrastructure(c).isEmpty() && !isAgent(c, facts);
  }

  /** The context for an evaluation of containers alone, the host unknown. */
  public HostContext context(Instant now, Collection<ContainerSnapshot> all) {
    return context(now, all, HostFacts.unknown(now, "the host was not read"), Map.of());
  }

  /** The context for an evaluation over the given containers, those not judged left out. */
  public HostContext context(
      Instant now,
      Collection<ContainerSnapshot> all,
      HostFacts facts,
      Map<String, ContainerActivity> activity) {
    return context(now, all, facts, activity, Optional.empty());
  }

  /**
   * The context for an evaluation over the given containers, those not judged left out.
   *
   * @param incumbent the host's tenant of the previous evaluation, which stays while any of its
   *     containers remains
   */
  public HostContext context(
      Instant now,
      Collection<ContainerSnapshot> all,
      HostFacts facts,
      Map<String, ContainerActivity> activity,
      Optional<HostContext.TenantValues> incumbent) {
    List<ContainerSnapshot> judged = all.stream().filter(c -> judged(c, facts)).toList();
    return new HostContext(now, judged, tenancy.hostTenant(judged, incumbent), facts, activity);
  }

  /** Whether a change to any container can change this container's verdicts. */
  public boolean hasHostWideRules() {
    return containerRules.stream().anyMatch(ContainerRule::hostWide);
  }

  /** The violations of one container; none for a container that is not judged. */
  public List<Verdict> check(ContainerSnapshot c, HostContext host) {
    return verdicts(evaluate(c, host));
  }

  /** The violations of the host. */
  public List<Verdict> checkHost(HostContext host) {
    return verdicts(evaluateHost(host));
  }

  /** Every rule's verdict on one container, passes included; none when it is not judged. */
  public List<RuleResult> evaluate(ContainerSnapshot c, HostContext host) {
    if (!judged(c, host.facts())) {
      return List.of();
    }
    LocalDate today = LocalDate.ofInstant(host.now(), ZoneOffset.UTC);
    List<RuleResult> out = new ArrayList<>();
    for (ContainerRule rule : containerRules) {
      String id = rule.info().id();
      out.add(
          new RuleResult(
              configured(rule.info()),
              config.rules().severity().containsKey(id),
              rule.evaluate(c, host),
              waiver(id, c.name(), c.image(), c.labels(), today)));
    }
    return out;
  }

  /**
   * Every host rule's verdict. An exception covers a host finding when its selector's name matches
   * the host name ({@code name = "*"} matches every host).
   */
  public List<RuleResult> evaluateHost(HostContext host) {
    LocalDate today = LocalDate.ofInstant(host.now(), ZoneOffset.UTC);
    List<RuleResult> out = new ArrayList<>();
    for (HostRule rule : hostRules) {
      String id = rule.info().id();
      out.add(
          new RuleResult(
              configured(rule.info()),
              config.rules().severity().containsKey(id),
              rule.evaluate(host),
              waiver(id, config.agent().hostname(), "", Map.of(), today)));
    }
    return out;
  }

  private static List<Verdict> verdicts(List<RuleResult> results) {
    List<Verdict> out = new ArrayList<>();
    results.forEach(r -> out.addAll(r.verdicts()));
    return out;
  }

  private RuleInfo configured(RuleInfo info) {
    Severity s = config.rules().severity().get(info.id());
    RuleInfo r = s == null ? info : info.withSeverity(s);
    return r.withCis(config.rules().cisBenchmark().number(info.cis()));
  }

  private Optional<Waiver> waiver(
      String rule, String name, String image, Map<String, String> labels, LocalDate today) {
    for (Waiver w : config.exceptions()) {
      if (w.coversRule(rule) && w.activeOn(today) && w.selector().matches(name, image, labels)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  public Tenancy tenancy() {
    return tenancy;
  }

  public CisBenchmark benchmark() {
    return config.rules().cisBenchmark();
  }

  public String hostname() {
    return config.agent().hostname();
  }

  public List<ContainerRule> containerRules() {
    return containerRules;
  }

  public List<HostRule> hostRules() {
    return hostRules;
  }
}
