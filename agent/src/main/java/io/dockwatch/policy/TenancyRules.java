package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.policy.HostContext.TenantValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One environment, system and customer per host. */
final class TenancyRules {
  private TenancyRules() {}

  static List<ContainerRule> all(Tenancy tenancy) {
    return List.of(new Mixed(tenancy), new Unlabelled(tenancy));
  }

  /** The container's tenant differs from the host's. */
  static final class Mixed implements ContainerRule {
    private final Tenancy tenancy;

    Mixed(Tenancy tenancy) {
      this.tenancy = tenancy;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("tenancy.mixed");
    }

    @Override
    public boolean hostWide() {
      return true;
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      Optional<TenantValues> own = tenancy.tenantOf(c);
      if (own.isEmpty()) {
        return Outcome.info(
            "the container's tenant is not fully labelled (see tenancy.unlabelled)");
      }
      if (host.hostTenant().isEmpty()) {
        return Outcome.info("the host's tenant is not known yet");
      }
      TenantValues h = host.hostTenant().get();
      if (own.get().equals(h)) {
        return Outcome.pass("container_tenant", own.get().toString(), "host_tenant", h.toString());
      }
      TenantValues t = own.get();
      List<String> differing = new ArrayList<>();
      if (!t.environment().equals(h.environment())) {
        differing.add("environment");
      }
      if (!t.system().equals(h.system())) {
        differing.add("system");
      }
      if (!t.customer().equals(h.customer())) {
        differing.add("customer");
      }
      String source = tenancy.config().expected().isPresent() ? "pinned" : "oldest container";
      return Outcome.fail(
          Violation.of(
              t.toString(),
              "Container "
                  + c.name()
                  + " is tenant "
                  + t
                  + " on a host of tenant "
                  + h
                  + " (differs in "
                  + String.join(", ", differing)
                  + ")",
              "container_tenant",
              t.toString(),
              "host_tenant",
              h.toString(),
              "host_tenant_source",
              source,
              "differs_in",
              differing));
    }
  }

  /** A tenancy label is missing or blank. */
  static final class Unlabelled implements ContainerRule {
    private final Tenancy tenancy;

    Unlabelled(Tenancy tenancy) {
      this.tenancy = tenancy;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("tenancy.unlabelled");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      List<String> missing = new ArrayList<>();
      var keys = tenancy.config().labels();
      if (tenancy.environment(c).isEmpty()) {
        missing.add(keys.environment());
      }
      if (tenancy.system(c).isEmpty()) {
        missing.add(keys.system());
      }
      if (tenancy.customer(c).isEmpty()) {
        missing.add(keys.customer());
      }
      if (missing.isEmpty()) {
        return Outcome.pass("tenant", tenancy.tenantOf(c).map(Object::toString).orElse(""));
      }
      return Outcome.fail(
          Violation.of(
              String.join(",", missing),
              "Container " + c.name() + " lacks tenancy label(s) " + String.join(", ", missing),
              "missing_labels",
              missing));
    }
  }
}
