package io.dockwatch.runtime;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.findings.Ledger;
import io.dockwatch.findings.SubjectRef;
import io.dockwatch.findings.Transition;
import io.dockwatch.policy.HostContext;
import io.dockwatch.policy.HostContext.TenantValues;
import io.dockwatch.policy.HostView;
import io.dockwatch.policy.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the policy over the inventory and the host, and turns verdicts into ledger transitions.
 * Confined to the event loop, like the ledger it writes.
 */
final class Evaluator {
  private final HostView host;
  private final Ledger ledger;
  private final Inventory inventory;
  private Policy policy;
  private Optional<TenantValues> hostTenant = Optional.empty();

  Evaluator(Policy policy, HostView host, Ledger ledger, Inventory inventory) {
    this.policy = policy;
    this.host = host;
    this.ledger = ledger;
    this.inventory = inventory;
  }

  void policy(Policy next) {
    policy = next;
  }

  /** The host and every container. */
  List<Transition> all(Instant now) {
    List<ContainerSnapshot> all = new ArrayList<>(inventory.all());
    HostContext ctx = host.context(policy, now, all);
    hostTenant = ctx.hostTenant();
    List<Transition> out = new ArrayList<>();
    out.addAll(ledger.reconcile(SubjectRef.host(), policy.checkHost(ctx), now));
    for (ContainerSnapshot c : all) {
      out.addAll(ledger.reconcile(subject(c), policy.check(c, ctx), now));
    }
    return out;
  }

  /**
   * The changed containers; when the host's tenant changed with them, every container, since the
   * tenancy verdict of each depends on it.
   */
  List<Transition> changed(List<ContainerSnapshot> changed, Instant now) {
    HostContext ctx = host.context(policy, now, inventory.all());
    if (policy.hasHostWideRules() && !ctx.hostTenant().equals(hostTenant)) {
      return all(now);
    }
    List<Transition> out = new ArrayList<>();
    for (ContainerSnapshot c : changed) {
      out.addAll(ledger.reconcile(subject(c), policy.check(c, ctx), now));
    }
    return out;
  }

  private SubjectRef subject(ContainerSnapshot c) {
    var keys = policy.tenancy().config().labels();
    Map<String, String> tenancy = new LinkedHashMap<>();
    tenancy.put("environment", c.labels().getOrDefault(keys.environment(), ""));
    tenancy.put("system", c.labels().getOrDefault(keys.system(), ""));
    tenancy.put("customer", c.labels().getOrDefault(keys.customer(), ""));
    return new SubjectRef(
        c.id(),
        c.id(),
        c.name(),
        c.image(),
        tenancy,
        c.labels().getOrDefault("com.docker.compose.project", ""));
  }
}
