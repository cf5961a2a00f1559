package io.dockwatch.policy;

import io.dockwatch.hostfacts.DaemonConfig;
import io.dockwatch.hostfacts.EngineFacts;
import java.util.Optional;

/** The "unknown" verdicts of host rules whose facts could not be read. */
final class Facts {
  private Facts() {}

  static Optional<EngineFacts> engine(HostContext h) {
    return h.facts().engine();
  }

  static Optional<DaemonConfig> daemon(HostContext h) {
    return h.facts().daemon();
  }

  static Outcome engineUnknown(HostContext h) {
    return Outcome.info("the engine's info is unknown: " + h.facts().problem("engine"));
  }

  static Outcome daemonUnknown(HostContext h) {
    return Outcome.info("the daemon's configuration is unknown: " + h.facts().problem("daemon"));
  }
}
