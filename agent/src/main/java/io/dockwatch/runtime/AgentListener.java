package io.dockwatch.runtime;

import io.dockwatch.findings.Finding;
import java.time.Duration;
import java.util.List;

/** What the event loop reports about itself, for the agent's own metrics. */
public interface AgentListener {

  /** A listener that records nothing, for commands without metrics. */
  AgentListener NONE = new AgentListener() {};

  default void engineConnected(boolean connected) {}

  /** The engine's version, read again at every connection; an upgrade shows after a restart. */
  default void engineVersion(String version) {}

  default void eventReceived(String type, String action) {}

  /** The time from the engine's event to the transitions it caused being handed to the sinks. */
  default void eventEvaluated(Duration delay) {}

  default void findingEmitted(String event, String severity) {}

  default void resyncCompleted(int containers, Duration took) {}

  /**
   * The standing findings after a change, in a fresh list the loop never touches again; called on
   * the event loop, so an implementation keeps what it needs for other threads to read and returns.
   */
  default void standing(List<Finding> findings) {}
}
