package io.dockwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockwatch.docker.ContainerSnapshot;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * An exec session as the engine describes it in {@code GET /exec/{id}/json}. Only who ran it and
 * how is kept: the command and its arguments are never read, since a command line can carry a
 * password ({@code mysql -pSECRET}) and a finding is forwarded to a shared log system.
 *
 * @param inspected false when the engine no longer knew the exec: then nothing but its existence is
 *     known
 * @param user the user it ran as, empty for the container's own user
 * @param interactive with a terminal or an open standard input: someone typing
 * @param attached with its output read by the client, as the engine's own health probes are
 */
public record ExecSession(
    String execId,
    Instant seenAt,
    boolean inspected,
    boolean privileged,
    String user,
    boolean interactive,
    boolean attached) {

  /** How much an exec session weighs. */
  public enum Kind {
    PRIVILEGED,
    ROOT,
    USER,
    UNKNOWN;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The session from the engine's description, or one known only by its id. */
  public static ExecSession of(String execId, Instant seenAt, Optional<JsonNode> inspect) {
    if (inspect.isEmpty()) {
      return new ExecSession(execId, seenAt, false, false, "", false, false);
    }
    JsonNode e = inspect.get();
    JsonNode p = e.path("ProcessConfig");
    return new ExecSession(
        execId,
        seenAt,
        true,
        p.path("privileged").asBoolean(e.path("Privileged").asBoolean(false)),
        p.path("user").asText(""),
        p.path("tty").asBoolean(false) || e.path("OpenStdin").asBoolean(false),
        e.path("OpenStdout").asBoolean(false) || e.path("OpenStderr").asBoolean(false));
  }

  /** Privileged first, then root: the user is the exec's own, else the container's. */
  public Kind kind(ContainerSnapshot c) {
    if (!inspected) {
      return Kind.UNKNOWN;
    }
    if (privileged) {
      return Kind.PRIVILEGED;
    }
    return Users.isRoot(effectiveUser(c)) ? Kind.ROOT : Kind.USER;
  }

  public String effectiveUser(ContainerSnapshot c) {
    return user.isEmpty() ? c.security().user() : user;
  }

  /**
   * Whether this looks like one of the engine's own health probes, which it runs as exec sessions
   * and announces with the same events. A probe runs attached, without terminal or input, not
   * privileged, as the container's user, in a container with a healthcheck. The API offers nothing
   * more to tell them apart, so a user's exec of that exact shape is not reported.
   */
  public boolean looksLikeHealthProbe(ContainerSnapshot c) {
    return inspected
        && c.healthcheckConfigured()
        && attached
        && !interactive
        && !privileged
        && (user.isEmpty() || user.equals(c.security().user()));
  }
}
