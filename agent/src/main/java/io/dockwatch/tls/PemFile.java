package io.dockwatch.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A PEM file and the configuration key that named it, so that every error can say both: {@code
 * docker.tls.key /etc/dockwatch/client-key.pem: the key is encrypted}.
 */
record PemFile(String setting, Path path) {
  PemFile {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(path, "path of " + setting);
  }

  @Override
  public String toString() {
    return setting + " " + path;
  }
}
