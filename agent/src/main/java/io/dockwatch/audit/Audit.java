package io.dockwatch.audit;

import io.dockwatch.audit.CheckResult.Status;
import io.dockwatch.config.Selector;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.EngineClient;
import io.dockwatch.hostfacts.HostFacts;
import io.dockwatch.hostfacts.HostFactsSource;
import io.dockwatch.policy.HostContext;
import io.dockwatch.policy.HostView;
import io.dockwatch.policy.Outcome;
import io.dockwatch.policy.Policy;
import io.dockwatch.policy.RuleInfo;
import io.dockwatch.policy.RuleResult;
import io.dockwatch.policy.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One audit pass over a host, as {@code dockwatch audit} runs it: reads the engine, its containers
 * (with their processes) and the host's files once, evaluates every rule, and reports every result.
 * Exec sessions are seen only by the running agent, so {@code remote.exec} only informs.
 */
public final class Audit {
  private final Policy policy;
  private final HostFactsSource reader;
  private final Clock clock;

  public Audit(Policy policy, HostFactsSource reader, Clock clock) {
    this.policy = policy;
    this.reader = reader;
    this.clock = clock;
  }

  /** Runs the pass. Throws when the engine cannot be reached or fails to answer. */
  public AuditReport run(EngineClient engine) throws IOException {
    Instant now = clock.instant();
    List<ContainerSnapshot> containers = new ArrayList<>();
    for (String id : engine.containerIds()) {
      engine.inspect(id).ifPresent(containers::add);
    }
    containers.sort(Comparator.comparing(ContainerSnapshot::name));
    HostView view = new HostView(reader, false, now);
    view.refresh(engine, now, containers);
    for (ContainerSnapshot c : containers) {
      view.observe(engine, c, now);
    }
    HostFacts facts = view.facts();
    HostContext ctx = view.context(policy, now, containers);
    List<CheckResult> checks = new ArrayList<>();
    for (RuleResult r : policy.evaluateHost(ctx)) {
      checks.addAll(results(r, Optional.empty()));
    }
    Map<String, String> skipped = new LinkedHashMap<>();
    for (ContainerSnapshot c : containers) {
      if (Policy.isAgent(c, facts)) {
        skipped.put(c.name(), "the agent's own container");
        continue;
      }
      Optional<Selector> infra = policy.infrastructure(c);
      if (infra.isPresent()) {
        skipped.put(c.name(), "infrastructure: " + infra.get().reason());
        continue;
      }
      for (RuleResult r : policy.evaluate(c, ctx)) {
        checks.addAll(results(r, Optional.of(c)));
      }
    }
    return new AuditReport(
        policy.hostname(),
        now,
        facts.engine().map(e -> e.serverVersion()).orElse(""),
        policy.benchmark().label(),
        checks,
        skipped,
        facts.problems());
  }

  /** The report as one JSON document, for an auditor to file. */
  public static void writeJson(AuditReport report, OutputStream out) throws IOException {
    AuditJson.write(report, out);
  }

  /** The report for a reader: failures grouped by severity and subject, then counts. */
  public static void writeText(AuditReport report, PrintStream out) {
    AuditText.write(report, out);
  }

  private List<CheckResult> results(RuleResult r, Optional<ContainerSnapshot> c) {
    List<CheckResult> out = new ArrayList<>();
    Outcome o = r.outcome();
    if (o instanceof Outcome.Pass p) {
      out.add(result(r.rule(), c, Status.PASS, "", "", p.evidence(), r));
    } else if (o instanceof Outcome.Info i) {
      out.add(result(r.rule(), c, Status.INFO, "", i.note(), i.evidence(), r));
    } else {
      Status s = r.waiver().isPresent() ? Status.WAIVED : Status.FAIL;
      for (Violation v : o.violations()) {
        out.add(result(r.ruleOf(v), c, s, v.detail(), v.message(), v.evidence(), r));
      }
    }
    return out;
  }

  private CheckResult result(
      RuleInfo rule,
      Optional<ContainerSnapshot> c,
      Status status,
      String detail,
      String message,
      Map<String, Object> evidence,
      RuleResult r) {
    boolean waived = status == Status.WAIVED;
    return new CheckResult(
        rule.id(),
        rule.title(),
        rule.severity(),
        rule.policy(),
        rule.cis(),
        rule.subject(),
        c.map(ContainerSnapshot::name).orElse(policy.hostname()),
        c.map(ContainerSnapshot::id).orElse(""),
        c.map(ContainerSnapshot::image).orElse(""),
        status,
        detail,
        message,
        evidence,
        rule.remediation(),
        waived ? r.waiver().get().selector().reason() : "",
        waived ? r.waiver().get().expires().map(Object::toString).orElse("") : "");
  }
}
