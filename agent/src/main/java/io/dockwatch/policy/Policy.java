package io.dockwatch.policy;

import io.dockwatch.config.Config;
import io.dockwatch.config.Selector;
import io.dockwatch.config.Waiver;
import io.dockwatch.docker.ContainerSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The policy as this host's configuration shapes it: the enabled rules with their configured
 * severities, the exceptions, and the infrastructure containers that are not judged.
 */
public final class Policy {
  private final List<ContainerRule> containerRules;
  private final List<HostRule> hostRules;
  private final Config config;
  private final Tenancy tenancy;

  public Policy(Config config) {
    this.config = config;
    this.tenancy = new Tenancy(config.tenancy());
    List<ContainerRule> container = new ArrayList<>();
    container.addAll(TenancyRules.all(tenancy));
    container.addAll(LoggingRules.all(config.rules()));
    container.addAll(NetworkRules.all(config.rules()));
    this.containerRules = enabled(container, r -> r.info().id());
    this.hostRules = enabled(List.of(), r -> r.info().id());
  }

  private <T> List<T> enabled(List<T> rules, java.util.function.Function<T, String> id) {
    return rules.stream().filter(r -> !config.rules().disabled().contains(id.apply(r))).toList();
  }

  /** Whether the container is declared infrastructure (a log proxy, this agent): not judged. */
  public Optional<Selector> infrastructure(ContainerSnapshot c) {
    return config.infrastructure().stream()
        .filter(s -> s.matches(c.name(), c.image(), c.labels()))
        .findFirst();
  }

  /** The context for an evaluation over the given containers, infrastructure ones left out. */
  public HostContext context(Instant now, Collection<ContainerSnapshot> all) {
    List<ContainerSnapshot> judged = all.stream().filter(c -> infrastructure(c).isEmpty()).toList();
    return new HostContext(now, judged, tenancy.hostTenant(judged));
  }

  /** Whether a change to any container can change this container's verdicts. */
  public boolean hasHostWideRules() {
    return containerRules.stream().anyMatch(ContainerRule::hostWide);
  }

  public List<Verdict> check(ContainerSnapshot c, HostContext host) {
    if (infrastructure(c).isPresent()) {
      return List.of();
    }
    List<Verdict> out = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(host.now(), ZoneOffset.UTC);
    for (ContainerRule rule : containerRules) {
      RuleInfo info = configured(rule.info());
      for (Violation v : rule.check(c, host)) {
        out.add(new Verdict(info, v, waiver(info.id(), c, today)));
      }
    }
    return out;
  }

  public List<Verdict> checkHost(HostContext host) {
    List<Verdict> out = new ArrayList<>();
    for (HostRule rule : hostRules) {
      RuleInfo info = configured(rule.info());
      for (Violation v : rule.check(host)) {
        out.add(new Verdict(info, v, Optional.empty()));
      }
    }
    return out;
  }

  private RuleInfo configured(RuleInfo info) {
    Severity s = config.rules().severity().get(info.id());
    return s == null ? info : info.withSeverity(s);
  }

  private Optional<Waiver> waiver(String rule, ContainerSnapshot c, LocalDate today) {
    for (Waiver w : config.exceptions()) {
      if (w.coversRule(rule)
          && w.activeOn(today)
          && w.selector().matches(c.name(), c.image(), c.labels())) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  public Tenancy tenancy() {
    return tenancy;
  }

  public List<ContainerRule> containerRules() {
    return containerRules;
  }

  public List<HostRule> hostRules() {
    return hostRules;
  }
}
