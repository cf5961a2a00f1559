package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.ContainerSnapshot.Resources;
import java.util.List;

/** CIS section 5, resources: memory, CPU, PIDs, restarts, devices, ulimits, cgroup parent. */
final class CisResourceRules {
  private CisResourceRules() {}

  static List<ContainerRule> all(RuleSettings settings) {
    return List.of(
        new FieldRule<>(
            "cis.5.11",
            "HostConfig.Memory",
            c -> c.resources().memoryBytes(),
            m -> m <= 0,
            "has no memory limit"),
        new Cpu(),
        new Restart(settings),
        new Informs("cis.5.18", "HostConfig.Devices", true, "host devices are passed through"),
        new Informs("cis.5.19", "HostConfig.Ulimits", false, "no ulimit is set"),
        new FieldRule<>(
            "cis.5.25",
            "HostConfig.CgroupParent",
            ContainerSnapshot::cgroupParent,
            p -> !p.isEmpty(),
            "runs under a custom cgroup parent"),
        new FieldRule<>(
            "cis.5.29",
            "HostConfig.PidsLimit",
            c -> c.resources().pidsLimit(),
            l -> l == null || l <= 0,
            "has no PIDs limit"));
  }

  /**
   * 5.12: CPU use is bounded or weighted: CPU shares, {@code --cpus}, or a CFS quota. docker-bench-
   * security does not count the quota, which limits as {@code --cpus} does.
   */
  static final class Cpu implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("cis.5.12");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      Resources r = c.resources();
      Object[] evidence = {
        "HostConfig.CpuShares", r.cpuShares(),
        "HostConfig.NanoCpus", r.nanoCpus(),
        "HostConfig.CpuQuota", r.cpuQuota()
      };
      if (r.cpuShares() > 0 || r.nanoCpus() > 0 || r.cpuQuota() > 0) {
        return Outcome.pass(evidence);
      }
      return Outcome.fail(
          Violation.of("", "Container " + c.name() + " has no CPU shares or limit", evidence));
    }
  }

  /**
   * 5.15: restarts are bounded to {@code max_retries}. {@code always} and {@code unless-stopped}
   * restart without end, and {@code on-failure} without a count too; docker-bench-security only
   * compares the count, which is 0 for all three, and passes them.
   */
  static final class Restart implements ContainerRule {
    static final String ID = "cis.5.15";
    private final long maxRetries;

    Restart(RuleSettings settings) {
      this.maxRetries = settings.number(ID, "max_retries");
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(ID);
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      String policy = c.resources().restartPolicy();
      int retries = c.resources().restartMaxRetries();
      String problem =
          switch (policy) {
            case "", "no" -> "";
            case "on-failure" ->
                retries == 0
                    ? "restarts on failure without end"
                    : retries > maxRetries ? "restarts on failure up to " + retries + " times" : "";
            default -> "restarts without end (" + policy + ")";
          };
      Object[] evidence = {
        "HostConfig.RestartPolicy.Name", policy,
        "HostConfig.RestartPolicy.MaximumRetryCount", retries,
        "max_retries", maxRetries
      };
      if (problem.isEmpty()) {
        return Outcome.pass(evidence);
      }
      return Outcome.fail(Violation.of(policy, "Container " + c.name() + " " + problem, evidence));
    }
  }

  /**
   * The benchmark's manual checks on a list field, which only inform: 5.18 devices passed through
   * (informs when there are some), 5.19 ulimits (informs when there are none).
   */
  static final class Informs implements ContainerRule {
    private final String ruleId;
    private final String field;
    private final boolean informWhenSet;
    private final String note;

    Informs(String ruleId, String field, boolean informWhenSet, String note) {
      this.ruleId = ruleId;
      this.field = field;
      this.informWhenSet = informWhenSet;
      this.note = note;
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(ruleId);
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      List<String> values =
          field.endsWith("Devices") ? c.security().devices() : c.resources().ulimits();
      if (values.isEmpty() == informWhenSet) {
        return Outcome.pass(field, values);
      }
      return Outcome.info(note, field, values);
    }
  }
}
