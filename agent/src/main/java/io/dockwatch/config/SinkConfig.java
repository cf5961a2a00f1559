package io.dockwatch.config;

import java.nio.file.Path;
import java.time.Duration;

/** Where findings go. */
public record SinkConfig(Fluentd fluentd, Gelf gelf, boolean stdout) {

  /**
   * The fluentd forward-protocol peer.
   *
   * @param bufferDir the on-disk buffer that survives an outage of either side
   * @param bufferMaxBytes the bound of that buffer; records past it are counted as dropped
   */
  public record Fluentd(
      boolean enabled,
      String host,
      int port,
      String tag,
      Path bufferDir,
      long bufferMaxBytes,
      Duration timeout) {}

  /** Direct GELF over TCP to Graylog, for sites without a fluentd proxy. */
  public record Gelf(boolean enabled, String host, int port, Path bufferDir, long bufferMaxBytes) {}
}
