package io.dockwatch.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The agent's own settings.
 *
 * @param hostname the name findings carry as {@code host}
 * @param stateDir where the finding ledger and the delivery buffers persist across restarts
 * @param hostRoot the root under which host files ({@code /proc}, {@code /etc/docker}) are read
 * @param restateInterval how often an open finding is stated again
 * @param resyncInterval how often every container is listed and inspected again, as a backstop
 * @param hostCheckInterval how often host and engine rules are evaluated again
 */
public record AgentConfig(
    String hostname,
    Path stateDir,
    Path hostRoot,
    Duration restateInterval,
    Duration resyncInterval,
    Duration hostCheckInterval) {}
