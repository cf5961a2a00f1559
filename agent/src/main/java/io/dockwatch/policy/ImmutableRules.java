package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import java.util.List;

/** Immutability: a read-only root file system, and an image that cannot change under its name. */
final class ImmutableRules {
  private ImmutableRules() {}

  static List<ContainerRule> all() {
    return List.of(new RootfsWritable(), new ImageUnpinned());
  }

  static final class RootfsWritable implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("immutable.rootfs-writable");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      if (c.security().readonlyRootfs()) {
        return Outcome.pass("HostConfig.ReadonlyRootfs", true);
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Container " + c.name() + " has a writable root file system",
              "HostConfig.ReadonlyRootfs",
              false));
    }
  }

  /**
   * The image is named by a tag, which can be moved to other content, rather than by a digest. An
   * image given by its id ({@code sha256:...}) is pinned too. docker-bench-security's 5.28 only
   * informs.
   */
  static final class ImageUnpinned implements ContainerRule {
    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get("immutable.image-unpinned");
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      if (pinned(c.image())) {
        return Outcome.pass("Config.Image", c.image());
      }
      return Outcome.fail(
          Violation.of(
              "",
              "Container " + c.name() + " runs image " + c.image() + " by tag, not by digest",
              "Config.Image",
              c.image(),
              "Image",
              c.imageId()));
    }

    static boolean pinned(String reference) {
      return reference.contains("@sha256:")
          || reference.startsWith("sha256:")
          || reference.matches("[0-9a-f]{64}");
    }
  }
}
