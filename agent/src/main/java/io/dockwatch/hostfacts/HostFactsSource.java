package io.dockwatch.hostfacts;

import io.dockwatch.docker.EngineClient;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Where the event loop gets the host's facts from: the real host, or a fake in tests. */
public interface HostFactsSource {

  /** Reads the engine and the host. Throws only when the engine cannot be reached. */
  HostFacts read(EngineClient engine, Instant now) throws IOException;

  /** The build times of the given images, where known. */
  Map<String, Instant> imageCreated(EngineFacts engine, Collection<String> imageIds);
}
