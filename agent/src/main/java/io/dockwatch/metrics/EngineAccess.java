package io.dockwatch.metrics;

import io.dockwatch.runtime.EngineConnector;
import java.util.function.Supplier;

/**
 * What the metrics need of the engine beyond the inventory.
 *
 * @param stats opens a connection of the metrics' own for the stats endpoint, whose response
 *     timeout bounds one call; asked only once a container's cgroup files cannot be read
 * @param version the engine's version as read at the last connection, empty before the first
 */
public record EngineAccess(EngineConnector stats, Supplier<String> version) {}
