package io.dockwatch.policy;

import io.dockwatch.docker.ContainerSnapshot;
import io.dockwatch.hostfacts.EngineFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Patch management: a current engine, recent images, hosts re-created rather than patched. */
final class PatchRules {
  private PatchRules() {}

  static List<ContainerRule> containerRules(RuleSettings settings) {
    return List.of(new ImageAge(settings));
  }

  static List<HostRule> hostRules(RuleSettings settings) {
    return List.of(new EngineVersion(settings), new HostAge(settings));
  }

  /**
   * The engine is not older than the configured minimum. docker-bench-security's 1.2.2 only informs
   * (it compares with a date-derived guess of the newest release); a floor the operator sets can
   * fail.
   */
  static final class EngineVersion implements HostRule {
    static final String ID = "patch.engine-version";
    private final String minimum;

    EngineVersion(RuleSettings settings) {
      this.minimum = settings.text(ID, "minimum");
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(ID);
    }

    @Override
    public Outcome evaluate(HostContext host) {
      Optional<EngineFacts> engine = Facts.engine(host);
      if (engine.isEmpty()) {
        return Facts.engineUnknown(host);
      }
      String version = engine.get().serverVersion();
      if (compare(version, minimum) >= 0) {
        return Outcome.pass("Version", version, "minimum", minimum);
      }
      return Outcome.fail(
          Violation.of(
              version,
              "The Docker Engine " + version + " is older than the required " + minimum,
              "Version",
              version,
              "minimum",
              minimum));
    }

    /**
     * Compares dotted versions by number: {@code 20.10.24+dfsg1} is 20.10.24, {@code 1.13.1} is
     * older than {@code 17.03}. Suffixes after {@code -} or {@code +} are ignored.
     */
    static int compare(String a, String b) {
      List<Integer> x = numbers(a);
      List<Integer> y = numbers(b);
      for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
        int xi = i < x.size() ? x.get(i) : 0;
        int yi = i < y.size() ? y.get(i) : 0;
        if (xi != yi) {
          return Integer.compare(xi, yi);
        }
      }
      return 0;
    }

    private static List<Integer> numbers(String version) {
      List<Integer> out = new ArrayList<>();
      String core = version.trim().replaceFirst("^v", "").split("[-+~ ]", 2)[0];
      for (String part : core.split("\\.")) {
        String digits = part.replaceFirst("^(\\d+).*$", "$1");
        out.add(digits.matches("\\d+") ? Integer.parseInt(digits) : 0);
      }
      return out;
    }
  }

  /** The image was built more than {@code max_days} ago: it misses the patches since. */
  static final class ImageAge implements ContainerRule {
    static final String ID = "patch.image-age";
    private final long maxDays;

    ImageAge(RuleSettings settings) {
      this.maxDays = settings.number(ID, "max_days");
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(ID);
    }

    @Override
    public Outcome evaluate(ContainerSnapshot c, HostContext host) {
      Instant created = host.facts().imageCreated().get(c.imageId());
      if (created == null) {
        return Outcome.info("the image's build time is unknown", "image_id", c.imageId());
      }
      long days = Duration.between(created, host.now()).toDays();
      if (days <= maxDays) {
        return Outcome.pass("image_created", created.toString(), "age_days", days);
      }
      return Outcome.fail(
          Violation.of(
              c.imageId(),
              "Container "
                  + c.name()
                  + " runs image "
                  + c.image()
                  + ", built "
                  + days
                  + " days ago (allowed: "
                  + maxDays
                  + ")",
              "image_created",
              created.toString(),
              "age_days",
              days,
              "max_days",
              maxDays));
    }
  }

  /**
   * The host has been up longer than {@code max_days}: immutable hosts are replaced by new ones
   * built from a current image, so a long uptime means the host is patched in place, or not at all.
   */
  static final class HostAge implements HostRule {
    static final String ID = "patch.host-age";
    private final long maxDays;

    HostAge(RuleSettings settings) {
      this.maxDays = settings.number(ID, "max_days");
    }

    @Override
    public RuleInfo info() {
      return RuleCatalog.standard().get(ID);
    }

    @Override
    public Outcome evaluate(HostContext host) {
      Optional<Instant> boot = host.facts().bootTime();
      if (boot.isEmpty()) {
        return Outcome.info("the host's boot time is unknown: " + host.facts().problem("boot"));
      }
      long days = Duration.between(boot.get(), host.now()).toDays();
      if (days <= maxDays) {
        return Outcome.pass("booted", boot.get().toString(), "up_days", days);
      }
      // the detail is fixed: the finding stays one finding while the uptime grows
      return Outcome.fail(
          Violation.of(
              "",
              "The host has been up for " + days + " days (allowed: " + maxDays + ")",
              "booted",
              boot.get().toString(),
              "up_days",
              days,
              "max_days",
              maxDays));
    }
  }
}
