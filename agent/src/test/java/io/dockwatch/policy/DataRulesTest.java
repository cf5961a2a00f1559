package io.dockwatch.policy;

import static io.dockwatch.policy.OutcomeAssert.fails;
import static io.dockwatch.policy.OutcomeAssert.passes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backup and immutability: where writable data lives, and whether the image can change. */
class DataRulesTest {
  private final Checks checks = Checks.standard();

  private static Checks configured(String toml) {
    return new Checks(Fixtures.policy(toml), new FactsBuilder().build(Checks.NOW), Map.of());
  }

  @Test
  void hostBindMount_writableOutsideAllowedPrefixes_fails() {
    fails(checks.outcome("backup.host-bind-mount", Fixtures.container("etc-rw")), "/host-etc");
    passes(checks.outcome("backup.host-bind-mount", Fixtures.container("running")));
  }

  @Test
  void hostBindMount_prefixesMatchWholePathComponents() {
    passes(
        configured("[rules.settings.\"backup.host-bind-mount\"]\nallowed_prefixes = [\"/etc\"]\n")
            .outcome("backup.host-bind-mount", Fixtures.container("etc-rw")));
    fails(
        configured("[rules.settings.\"backup.host-bind-mount\"]\nallowed_prefixes = [\"/et\"]\n")
            .outcome("backup.host-bind-mount", Fixtures.container("etc-rw")),
        "/host-etc");
  }

  @Test
  void localVolume_namedAndAnonymousVolumes_failUnlessDeclaredBackedUp() {
    String anonymous = "22e477cca434446b2270e6cfd778a97a7f74eb005339b79f221ab80c90c52fc5";

    fails(
        checks.outcome("backup.local-volume", Fixtures.container("volume")), "pol-data", anonymous);
    fails(
        configured("[rules.settings.\"backup.local-volume\"]\nbacked_up = [\"pol-*\"]\n")
            .outcome("backup.local-volume", Fixtures.container("volume")),
        anonymous);
  }

  @Test
  void rootfsWritable_withoutReadOnly_fails() {
    fails(checks.outcome("immutable.rootfs-writable", Fixtures.container("running")), "");
    passes(checks.outcome("immutable.rootfs-writable", Fixtures.container("hardened")));
  }

  @Test
  void imageUnpinned_tagFailsAndDigestPasses() {
    fails(checks.outcome("immutable.image-unpinned", Fixtures.container("running")), "");
    passes(
        checks.outcome(
            "immutable.image-unpinned",
            Fixtures.container(
                "running",
                c ->
                    ((ObjectNode) c.path("Config"))
                        .put("Image", "local/busybox@sha256:" + "a".repeat(64)))));
  }
}
