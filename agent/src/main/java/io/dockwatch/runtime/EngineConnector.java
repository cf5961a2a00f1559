package io.dockwatch.runtime;

import io.dockwatch.docker.EngineClient;
import java.io.IOException;

/** Opens a new connection to the engine; called again after every loss of it. */
@FunctionalInterface
public interface EngineConnector {
  EngineClient connect() throws IOException;
}
