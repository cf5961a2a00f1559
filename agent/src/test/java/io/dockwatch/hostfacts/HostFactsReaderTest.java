package io.dockwatch.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwatch.policy.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads a fixture host tree made at test time, with the modes and links a real host has. */
class HostFactsReaderTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final String IMAGE =
      "3f0cae96c42eda26070b7b34f18a02fc5ef7c246446492c52f86c8bc215e49db";
  private static final String SELF =
      "f98a032064d069849e09705f1aeae647755a9eb666444a70699d937d4d6acb04";

  @TempDir Path root;
  @TempDir Path self;

  /** Links to absolute paths are removed here: they point outside the temporary directory. */
  @AfterEach
  void removeAbsoluteLinks() throws IOException {
    Files.deleteIfExists(root.resolve("proc/4145/exe"));
    Files.deleteIfExists(root.resolve("var/run"));
  }

  /** The real file system, except that daemon.json is owned by uid 1000, as a test cannot make. */
  private final FileStats stats =
      (hostPath, real, local) -> {
        FileStat s = FileStats.posix().stat(hostPath, real, local);
        return hostPath.endsWith("custom.json")
            ? new FileStat(s.path(), s.realPath(), s.exists(), s.kind(), 1000, s.gid(), s.mode())
            : s;
      };

  @BeforeEach
  void host() throws IOException {
    daemon(
        4145,
        "dockerd",
        "--config-file",
        "/etc/docker/custom.json",
        "-H",
        "unix:///var/run/docker.sock",
        "--data-root",
        "/tmp/dk/data");
    daemon(999, "dockerd", "--data-root", "/srv/other");
    write("proc/100/comm", "bash\n");
    Files.createSymbolicLink(root.resolve("proc/4145/exe"), Path.of("/usr/sbin/dockerd"));
    write(
        "proc/1/mountinfo",
        "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n40 22 8:2 / /tmp/dk/data rw - xfs /dev/sdb rw\n");
    write("proc/stat", "cpu 1 2 3\nbtime 1764000000\n");
    write("etc/docker/custom.json", "{\"icc\": false, \"tlscacert\": \"/etc/docker/ca.pem\"}");
    write("etc/docker/ca.pem", "-----BEGIN CERTIFICATE-----\n");
    mode("etc/docker/ca.pem", "rw-r--r--");
    mode("etc/docker", "rwxr-xr-x");
    write("run/docker.sock", "");
    mode("run/docker.sock", "rw-rw----");
    Files.createDirectories(root.resolve("var"));
    Files.createSymbolicLink(root.resolve("var/run"), Path.of("/run"));
    write("etc/group", "root:x:0:\ndocker:x:998:alice\n");
    write("etc/passwd", "root:x:0:0::/root:/bin/sh\n");
    write("etc/audit/audit.rules", "-D\n-w /usr/sbin/dockerd -k docker\n");
    write("etc/audit/rules.d/docker.rules", "-w /bin/runc -k docker\n");
    write("usr/bin/runc", "");
    Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
    write("usr/bin/containerd", "");
    write("lib/systemd/system/docker.service", "[Unit]\n");
    write("etc/docker/certs.d/reg.local:5000/ca.crt", "");
    write(
        "tmp/dk/data/image/overlay2/imagedb/content/sha256/" + IMAGE,
        "{\"created\": \"2026-06-01T10:00:00.123456789Z\", \"config\": {\"Env\": [\"X=1\"]}}");
    Files.writeString(
        self.resolve("mountinfo"),
        "1 2 8:1 /var/lib/docker/containers/" + SELF + "/hostname /etc/hostname rw\n");
  }

  private HostFacts read() {
    return new HostFactsReader(new HostRoot(root), stats, self).read(Fixtures.engine(), NOW);
  }

  @Test
  void read_twoDaemons_picksTheOneOfTheEnginesDataRoot() {
    HostFacts facts = read();

    DaemonConfig d = facts.daemon().orElseThrow();
    assertThat(d.pid()).isEqualTo(4145);
    assertThat(d.configFile()).isEqualTo("/etc/docker/custom.json");
    assertThat(d.bool("icc")).contains(false);
  }

  @Test
  void read_wellKnownFiles_areFoundWhereTheDaemonSaysTheyAre() {
    HostFacts facts = read();

    assertThat(facts.file(HostFile.DOCKERD_BINARY).orElseThrow().path())
        .isEqualTo("/usr/sbin/dockerd");
    FileStat json = facts.file(HostFile.DAEMON_JSON).orElseThrow();
    assertThat(json.path()).isEqualTo("/etc/docker/custom.json");
    assertThat(json.uid()).isEqualTo(1000);
    FileStat socket = facts.file(HostFile.ENGINE_SOCKET).orElseThrow();
    assertThat(socket.realPath()).isEqualTo("/run/docker.sock");
    assertThat(socket.octalMode()).isEqualTo("0660");
    assertThat(facts.file(HostFile.TLS_CA_CERT).orElseThrow().octalMode()).isEqualTo("0644");
    assertThat(facts.file(HostFile.TLS_KEY)).isEmpty();
    assertThat(facts.file(HostFile.ETC_DEFAULT_DOCKER).orElseThrow().exists()).isFalse();
    assertThat(facts.file(HostFile.DOCKER_SERVICE_UNIT).orElseThrow().exists()).isTrue();
  }

  @Test
  void read_auditRules_matchEverySpellingOfAFile() {
    HostFacts facts = read();

    AuditRules audit = facts.audit().orElseThrow();
    assertThat(audit.sources()).hasSize(2);
    assertThat(audit.covers(List.of("/usr/bin/runc"))).isTrue();
    assertThat(audit.covers(List.of("/usr/sbin/dockerd"))).isTrue();
    assertThat(audit.covers(List.of("/usr/bin/containerd"))).isFalse();
  }

  @Test
  void read_hostFiles_giveGroupMountsBootCertsAndSelf() {
    HostFacts facts = read();

    assertThat(facts.dockerGroup().orElseThrow().members()).containsExactly("alice");
    assertThat(facts.mountPoints().orElseThrow()).contains("/tmp/dk/data");
    assertThat(facts.bootTime()).contains(Instant.ofEpochSecond(1764000000));
    assertThat(facts.registryCerts())
        .extracting(FileStat::path)
        .containsExactly("/etc/docker/certs.d/reg.local:5000/ca.crt");
    assertThat(facts.agentContainerId()).contains(SELF);
  }

  @Test
  void imageCreated_imageInTheStore_isItsBuildTime() {
    HostFactsReader reader = new HostFactsReader(new HostRoot(root), stats, self);

    Map<String, Instant> created =
        reader.imageCreated(
            Fixtures.engine(), List.of("sha256:" + IMAGE, "sha256:" + "0".repeat(64)));

    assertThat(created)
        .containsOnly(
            Map.entry("sha256:" + IMAGE, Instant.parse("2026-06-01T10:00:00.123456789Z")));
  }

  @Test
  void read_noDaemonVisible_saysWhy() throws IOException {
    Path empty = Files.createDirectories(root.resolve("empty/proc"));

    HostFacts facts =
        new HostFactsReader(new HostRoot(empty.getParent()), stats, self)
            .read(Fixtures.engine(), NOW);

    assertThat(facts.daemon()).isEmpty();
    assertThat(facts.problem("daemon")).contains("no dockerd process");
    assertThat(facts.audit().orElseThrow().watched()).isEmpty();
  }

  private void daemon(long pid, String... argv) throws IOException {
    write("proc/" + pid + "/comm", argv[0] + "\n");
    Files.write(
        root.resolve("proc/" + pid + "/cmdline"),
        (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8));
  }

  private void write(String path, String content) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private void mode(String path, String perms) throws IOException {
    Files.setPosixFilePermissions(root.resolve(path), PosixFilePermissions.fromString(perms));
  }
}
