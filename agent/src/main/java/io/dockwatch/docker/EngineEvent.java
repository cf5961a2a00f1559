package io.dockwatch.docker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of the engine's stream, reduced to what the agent acts on.
 *
 * @param type {@code container}, {@code daemon}, ...
 * @param action the verb alone: for {@code exec_start: sh -c ...} just {@code exec_start}; the
 *     command is dropped because command lines can carry passwords
 * @param actorId the container id, for container events
 * @param execId the exec id, for exec events, else empty
 * @param timeNano the engine's time of the event, in nanoseconds since the epoch
 */
public record EngineEvent(
    String type, String action, String actorId, String execId, long timeNano) {

  static EngineEvent parse(JsonNode e) {
    String action = e.path("Action").asText(e.path("status").asText(""));
    int colon = action.indexOf(':');
    if (colon >= 0) {
      action = action.substring(0, colon);
    }
    JsonNode actor = e.path("Actor");
    JsonNode attributes = actor.path("Attributes");
    return new EngineEvent(
        e.path("Type").asText(""),
        action.trim(),
        actor.path("ID").asText(e.path("id").asText("")),
        attributes.path("execID").asText(""),
        e.path("timeNano").asLong(e.path("time").asLong(0) * 1_000_000_000L));
  }

  /** Kept for tests that build events by hand. */
  public static EngineEvent container(String action, String id) {
    return new EngineEvent("container", action, id, "", 0);
  }
}
