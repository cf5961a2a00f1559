package io.dockwatch.cli;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, and the source revision where the build recorded one. */
public final class Version implements IVersionProvider {
  /** The manifest attribute a build given {@code -Ddockwatch.revision=REV} records. */
  static final String REVISION = "Build-Revision";

  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * The source revision recorded in this class's own jar, or the empty string: outside a jar, or
   * built without one.
   */
  public static String revision() {
    URL self = Version.class.getResource("Version.class");
    if (self == null || !"jar".equals(self.getProtocol())) {
      return "";
    }
    try {
      JarURLConnection connection = (JarURLConnection) self.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        Manifest manifest = jar.getManifest();
        String revision = manifest == null ? null : manifest.getMainAttributes().getValue(REVISION);
        return revision == null ? "" : revision.strip();
      }
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"dockwatch " + current()};
  }
}
