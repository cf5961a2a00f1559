package io.dockwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.docker.EngineClient;
import io.dockwatch.hostfacts.HostFacts;
import io.dockwatch.hostfacts.HostFactsSource;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an evaluation knows of the host beyond the containers' inspect data: the host's facts, as
 * last read, and the activity seen in containers (processes, exec sessions, starts). Owned by one
 * thread (the event loop, or an audit pass); not thread safe.
 */
public final class HostView {
  private static final Logger LOG = LoggerFactory.getLogger(HostView.class);

  private final ActivityLog activity;
  private HostFactsSource source;
  private HostFacts facts;
  private String problems = "";
  private Optional<HostContext.TenantValues> tenant = Optional.empty();

  /**
   * @param watchesExecs whether exec sessions will be reported to {@link #exec}: true for the
   *     running agent
   */
  public HostView(HostFactsSource source, boolean watchesExecs, Instant now) {
    this.source = source;
    this.activity = new ActivityLog(watchesExecs);
    this.facts = HostFacts.unknown(now, "the host was not read yet");
  }

  /** Reads the host from another source from now on (the host root changed on reload). */
  public void source(HostFactsSource newSource) {
    this.source = newSource;
  }

  public HostFacts facts() {
    return facts;
  }

  /**
   * The context for an evaluation of the given containers under this view. The host's tenant of the
   * last context stays while any of its containers remains.
   */
  public HostContext context(Policy policy, Instant now, Collection<ContainerSnapshot> all) {
    HostContext ctx = policy.context(now, all, facts, activity.view(), tenant);
    tenant = ctx.hostTenant();
    return ctx;
  }

  /**
   * Reads the engine's info and the host's files again. Parts that cannot be read are logged once
   * when that changes, and stay unknown to the rules.
   *
   * @throws IOException when the engine cannot be reached
   */
  public void refresh(EngineClient engine, Instant now, Collection<ContainerSnapshot> all)
      throws IOException {
    facts = source.read(engine, now);
    addImageDates(all);
    String seen = facts.problems().toString();
    if (!seen.equals(problems)) {
      problems = seen;
      if (!facts.problems().isEmpty()) {
        LOG.warn("some host facts are unknown; the rules needing them stay undecided: {}", seen);
      }
    }
  }

  /** Learns the build times of images not known yet. */
  public void addImageDates(Collection<ContainerSnapshot> containers) {
    if (facts.engine().isEmpty()) {
      return;
    }
    List<String> missing =
        containers.stream()
            .map(ContainerSnapshot::imageId)
            .filter(id -> !facts.imageCreated().containsKey(id))
            .distinct()
            .toList();
    if (!missing.isEmpty()) {
      facts = facts.withImages(source.imageCreated(facts.engine().get(), missing));
    }
  }

  /**
   * Records a freshly inspected container: its start, and its processes when it runs, read from the
   * host through the engine's {@code top}. A failure to list them (the container stopped meanwhile)
   * leaves them unknown and is no loss of the engine.
   */
  public void observe(EngineClient engine, ContainerSnapshot c, Instant now) {
    activity.seen(c, now);
    if (!c.running()) {
      activity.processesUnknown(c.id());
      return;
    }
    try {
      activity.processes(c.id(), engine.processes(c.id()), now);
    } catch (IOException e) {
      LOG.debug("cannot list the processes of container={}: {}", c.shortId(), e.getMessage());
      activity.processesUnknown(c.id());
    }
  }

  /**
   * Records an exec session announced by an {@code exec_start} event, inspecting it to learn its
   * user and privileges. Its command is never read: see {@link ExecSession}.
   *
   * @param execId the exec's id, or empty when the event did not carry one
   * @return whether it was recorded (the engine's own health probes are not)
   * @throws IOException when the engine cannot be reached
   */
  public boolean exec(EngineClient engine, ContainerSnapshot c, String execId, Instant now)
      throws IOException {
    Optional<JsonNode> inspect = execId.isEmpty() ? Optional.empty() : engine.exec(execId);
    return activity.exec(c, ExecSession.of(execId, now, inspect));
  }

  /** The container is gone. */
  public void forget(String containerId) {
    activity.forget(containerId);
  }

  /** The activity, for tests and the audit. */
  public Map<String, ContainerActivity> activity() {
    return activity.view();
  }
}
