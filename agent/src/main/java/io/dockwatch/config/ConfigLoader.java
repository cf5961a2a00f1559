package io.dockwatch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.dockwatch.config.RulesConfig.PortSpec;
import io.dockwatch.config.TenancyConfig.Tenant;
import io.dockwatch.policy.CisBenchmark;
import io.dockwatch.policy.RuleCatalog;
import io.dockwatch.policy.Severity;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a TOML file into a {@link Config}, validating all of it: every problem is reported at once
 * with file, line, key and value. Nothing is half-applied: either a whole {@link Config} comes back
 * or a {@link ConfigException} does.
 */
public final class ConfigLoader {
  private final Set<String> knownRules;
  private final String defaultHostname;

  /**
   * @param knownRules every rule id of the catalogue, to catch typos in rule references
   * @param defaultHostname the host name findings carry unless {@code agent.hostname} is set
   */
  public ConfigLoader(Set<String> knownRules, String defaultHostname) {
    this.knownRules = Set.copyOf(knownRules);
    this.defaultHostname = defaultHostname;
  }

  public Config load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
    }
    return parse(file.toString(), text);
  }

  public Config parse(String source, String text) throws ConfigException {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String where = line > 0 ? source + ":" + line : source;
      throw new ConfigException(List.of(where + ": not valid TOML: " + e.getOriginalMessage()));
    }
    Problems problems = new Problems(source, new KeyLines(text));
    Section top = new Section("", root, problems);
    Config config =
        new Config(
            agent(top.section("agent")),
            docker(top.section("docker")),
            http(top.section("http")),
            sinks(top),
            tenancy(top.section("tenancy")),
            rules(top.section("rules")),
            waivers(top),
            selectors(top.tables("infrastructure"), true),
            metrics(top.section("metrics")),
            selectors(top.tables("remote_access"), true));
    top.rejectUnknown();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.messages());
    }
    return config;
  }

  private AgentConfig agent(Section s) {
    AgentConfig a =
        new AgentConfig(
            s.string("hostname", defaultHostname),
            path(s, "state_dir", "/var/lib/dockwatch"),
            path(s, "host_root", "/"),
            s.duration("restate_interval", Duration.ofHours(1), Duration.ofSeconds(10)),
            s.duration("resync_interval", Duration.ofMinutes(5), Duration.ofSeconds(5)),
            s.duration("host_check_interval", Duration.ofMinutes(10), Duration.ofSeconds(5)));
    if (a.hostname() == null || a.hostname().isBlank()) {
      s.problem("hostname", "must not be empty");
    }
    s.rejectUnknown();
    return a;
  }

  private DockerConfig docker(Section s) {
    String hostText = s.string("host", "unix:///var/run/docker.sock");
    URI host = URI.create("unix:///var/run/docker.sock");
    try {
      URI parsed = new URI(hostText);
      String scheme = parsed.getScheme();
      if ("unix".equals(scheme) && parsed.getPath() != null && !parsed.getPath().isEmpty()) {
        host = parsed;
      } else if (("tcp".equals(scheme) || "https".equals(scheme))
          && parsed.getHost() != null
          && parsed.getPort() > 0) {
        host = parsed;
      } else {
        s.problem("host", "\"" + hostText + "\" is not unix:///PATH or tcp://HOST:PORT");
      }
    } catch (java.net.URISyntaxException e) {
      s.problem("host", "\"" + hostText + "\" is not a valid address: " + e.getReason());
    }
    DockerConfig.Tls tls = null;
    if (s.has("tls")) {
      Section t = s.section("tls");
      tls =
          new DockerConfig.Tls(
              requiredFile(t, "ca"), requiredFile(t, "cert"), requiredFile(t, "key"));
      t.rejectUnknown();
    }
    boolean tcp = "tcp".equals(host.getScheme()) || "https".equals(host.getScheme());
    if (tcp && tls == null) {
      s.problem(
          "host",
          "\""
              + hostText
              + "\" is a TCP engine: the agent reaches remote engines only over mutual TLS;"
              + " set docker.tls.ca, docker.tls.cert and docker.tls.key");
    }
    if (!tcp && tls != null) {
      s.problem("tls", "is set, but docker.host \"" + hostText + "\" is not a TCP address");
    }
    Duration ping = s.duration("ping_interval", Duration.ofSeconds(30), Duration.ofSeconds(1));
    s.rejectUnknown();
    return new DockerConfig(host, tls, ping);
  }

  private HttpConfig http(Section s) {
    String listen = s.string("listen", "127.0.0.1:9814");
    java.net.InetSocketAddress address = new java.net.InetSocketAddress("127.0.0.1", 9814);
    int colon = listen.lastIndexOf(':');
    String hostPart = colon < 0 ? "" : listen.substring(0, colon).replace("[", "").replace("]", "");
    String portPart = colon < 0 ? "" : listen.substring(colon + 1);
    if (colon < 0 || !portPart.matches("\\d{1,5}") || Integer.parseInt(portPart) > 65535) {
      s.problem("listen", "\"" + listen + "\" is not HOST:PORT, such as \"127.0.0.1:9814\"");
    } else if (!Addresses.isLiteral(hostPart) && !hostPart.equals("localhost")) {
      s.problem("listen", "\"" + hostPart + "\" is not an IP address (names are not resolved)");
    } else {
      address = new java.net.InetSocketAddress(hostPart, Integer.parseInt(portPart));
    }
    Path cert = null;
    Path key = null;
    if (s.has("tls")) {
      Section t = s.section("tls");
      cert = requiredFile(t, "cert");
      key = requiredFile(t, "key");
      t.rejectUnknown();
    }
    Map<String, String> users = new LinkedHashMap<>();
    if (s.has("basic_auth")) {
      Section b = s.section("basic_auth");
      for (String user : b.keys()) {
        String hash = b.string(user, "");
        if (!hash.matches("sha256:[0-9a-f]{64}")) {
          b.problem(user, "must be \"sha256:\" and 64 lower-case hex digits of the password");
        } else {
          users.put(user, hash);
        }
      }
    }
    s.rejectUnknown();
    return new HttpConfig(address, cert, key, users);
  }

  private SinkConfig sinks(Section top) {
    Section f = top.section("fluentd");
    SinkConfig.Fluentd fluentd =
        new SinkConfig.Fluentd(
            f.bool("enabled", true),
            f.string("host", "127.0.0.1"),
            (int) f.integer("port", 24224, 1, 65535),
            f.string("tag", "dockwatch.finding"),
            path(f, "buffer_dir", "/var/lib/dockwatch/buffer/fluentd"),
            f.bytes("buffer_max_bytes", 64L << 20, 64L << 10),
            f.duration("timeout", Duration.ofSeconds(5), Duration.ofMillis(100)));
    if (fluentd.tag().isBlank()) {
      f.problem("tag", "must not be empty");
    }
    f.rejectUnknown();
    Section g = top.section("gelf");
    SinkConfig.Gelf gelf =
        new SinkConfig.Gelf(
            g.bool("enabled", false),
            g.string("host", "127.0.0.1"),
            (int) g.integer("port", 12201, 1, 65535),
            path(g, "buffer_dir", "/var/lib/dockwatch/buffer/gelf"),
            g.bytes("buffer_max_bytes", 64L << 20, 64L << 10));
    g.rejectUnknown();
    Section o = top.section("stdout");
    boolean stdout = o.bool("enabled", true);
    o.rejectUnknown();
    return new SinkConfig(fluentd, gelf, stdout);
  }

  private TenancyConfig tenancy(Section s) {
    Section l = s.section("labels");
    Tenant labels =
        new Tenant(
            l.string("environment", "environment"),
            l.string("system", "system"),
            l.string("customer", "customer"));
    l.rejectUnknown();
    Optional<Tenant> expected = Optional.empty();
    if (s.has("expected")) {
      Section e = s.section("expected");
      expected =
          Optional.of(
              new Tenant(
                  nonEmpty(e, "environment"), nonEmpty(e, "system"), nonEmpty(e, "customer")));
      e.rejectUnknown();
    }
    boolean compose = s.bool("compose_fallback", true);
    s.rejectUnknown();
    return new TenancyConfig(labels, expected, compose);
  }

  private RulesConfig rules(Section s) {
    Section ports = s.section("ports");
    List<PortSpec> allowed = new ArrayList<>();
    List<String> texts = ports.strings("allowed", List.of());
    for (int i = 0; i < texts.size(); i++) {
      Optional<PortSpec> spec = Addresses.portSpec(texts.get(i));
      if (spec.isEmpty()) {
        ports.problem(
            "allowed[" + i + "]",
            "\"" + texts.get(i) + "\" is not a port/protocol such as \"443/tcp\"");
      } else {
        allowed.add(spec.get());
      }
    }
    List<String> addresses = new ArrayList<>();
    List<String> addressTexts = ports.strings("allowed_addresses", List.of());
    for (int i = 0; i < addressTexts.size(); i++) {
      Optional<String> canonical = Addresses.canonical(addressTexts.get(i));
      if (canonical.isEmpty()) {
        ports.problem(
            "allowed_addresses[" + i + "]",
            "\"" + addressTexts.get(i) + "\" is not an IPv4 or IPv6 address");
      } else if (Addresses.isWildcard(canonical.get())) {
        ports.problem(
            "allowed_addresses[" + i + "]",
            "\"" + addressTexts.get(i) + "\" is a wildcard; name a specific interface address");
      } else {
        addresses.add(canonical.get());
      }
    }
    ports.rejectUnknown();

    Section logging = s.section("logging");
    List<String> drivers = logging.strings("drivers", List.of("fluentd"));
    if (drivers.isEmpty()) {
      logging.problem("drivers", "must name at least one logging driver");
    }
    String fluentdAddress = logging.string("fluentd_address", "");
    logging.rejectUnknown();

    Set<String> disabled = new LinkedHashSet<>();
    List<String> disabledTexts = s.strings("disabled", List.of());
    for (int i = 0; i < disabledTexts.size(); i++) {
      if (checkRule(s, "disabled[" + i + "]", disabledTexts.get(i))) {
        disabled.add(disabledTexts.get(i));
      }
    }
    Map<String, Severity> severity = new HashMap<>();
    Section sev = s.section("severity");
    for (String rule : sev.keys()) {
      String text = sev.string(rule, "");
      Optional<Severity> parsed = Severity.parse(text);
      if (!knownRules.contains(rule)) {
        sev.problem(rule, "is not a rule id (see `dockwatch rules`)");
      } else if (parsed.isEmpty()) {
        sev.problem(rule, "\"" + text + "\" is not one of info, low, medium, high, critical");
      } else {
        severity.put(rule, parsed.get());
      }
    }
    Map<String, Map<String, Object>> settings = new HashMap<>();
    Section params = s.section("settings");
    for (String rule : params.keys()) {
      if (!knownRules.contains(rule)) {
        params.problem(rule, "is not a rule id (see `dockwatch rules`)");
        continue;
      }
      Section r = params.section(rule);
      Map<String, Object> values = new LinkedHashMap<>();
      for (String k : r.keys()) {
        Object v = r.plain(k);
        if (v != null && settingTypeOk(r, rule, k, v)) {
          values.put(k, v);
        }
      }
      settings.put(rule, values);
    }
    String benchmarkText = s.string("cis_benchmark", CisBenchmark.NEWEST.label());
    CisBenchmark benchmark = CisBenchmark.parse(benchmarkText).orElse(CisBenchmark.NEWEST);
    if (CisBenchmark.parse(benchmarkText).isEmpty()) {
      s.problem("cis_benchmark", "\"" + benchmarkText + "\" is not one of 1.6.0, 1.7.0, 1.8.0");
    }
    s.rejectUnknown();
    return new RulesConfig(
        allowed, addresses, drivers, fluentdAddress, disabled, severity, settings, benchmark);
  }

  /**
   * Checks a rule setting against the catalogue's declaration: the name must be one the rule takes,
   * the value of the type of its default.
   */
  private static boolean settingTypeOk(Section r, String rule, String key, Object value) {
    if (!RuleCatalog.standard().ids().contains(rule)) {
      return true;
    }
    Map<String, Object> declared = RuleCatalog.standard().settings(rule);
    Object fallback = declared.get(key);
    if (fallback == null) {
      List<String> names = new ArrayList<>(declared.keySet());
      r.problem(
          key,
          "is not a setting of "
              + rule
              + (names.isEmpty()
                  ? " (it takes none)"
                  : " (it takes: " + String.join(", ", names) + ")"));
      return false;
    }
    if (!fallback.getClass().equals(value.getClass())
        && !(fallback instanceof List && value instanceof List)) {
      r.problem(key, "must be " + typeName(fallback) + ", like the default " + fallback);
      return false;
    }
    return true;
  }

  private static String typeName(Object value) {
    if (value instanceof Long) {
      return "a whole number";
    }
    if (value instanceof Boolean) {
      return "true or false";
    }
    if (value instanceof List) {
      return "a list of strings";
    }
    return "a string";
  }

  private List<Waiver> waivers(Section top) {
    List<Waiver> out = new ArrayList<>();
    for (Section w : top.tables("exceptions")) {
      List<String> rules = w.strings("rules", List.of());
      if (rules.isEmpty()) {
        w.problem("rules", "must name at least one rule id (or \"area.*\")");
      }
      for (int i = 0; i < rules.size(); i++) {
        String r = rules.get(i);
        if (!r.equals("*") && !r.endsWith(".*")) {
          checkRule(w, "rules[" + i + "]", r);
        }
      }
      Optional<LocalDate> expires = Optional.empty();
      String expiry = w.string("expires", null);
      if (expiry != null) {
        try {
          expires = Optional.of(LocalDate.parse(expiry));
        } catch (DateTimeParseException e) {
          w.problem("expires", "\"" + expiry + "\" is not a date such as \"2027-03-31\"");
        }
      }
      out.add(new Waiver(rules, selector(w, true), expires));
      w.rejectUnknown();
    }
    return out;
  }

  private List<Selector> selectors(List<Section> sections, boolean reasonRequired) {
    List<Selector> out = new ArrayList<>();
    for (Section s : sections) {
      out.add(selector(s, reasonRequired));
      s.rejectUnknown();
    }
    return out;
  }

  private Selector selector(Section s, boolean reasonRequired) {
    String name = s.string("name", null);
    String image = s.string("image", null);
    Map<String, String> labels = s.stringMap("labels");
    String reason = s.string("reason", "");
    if (name == null && image == null && labels.isEmpty()) {
      s.problem("name", "a selector needs at least one of name, image or labels");
    }
    if (reasonRequired && reason.isBlank()) {
      s.problem("reason", "must say why (it is carried in every waived finding)");
    }
    return new Selector(name, image, labels, reason);
  }

  private MetricsConfig metrics(Section s) {
    MetricsConfig m =
        new MetricsConfig(
            s.duration("host_interval", Duration.ofSeconds(5), Duration.ofMillis(500)),
            s.duration("container_interval", Duration.ofSeconds(5), Duration.ofMillis(500)),
            s.duration(
                "container_fs_interval",
                MetricsConfig.DEFAULT_CONTAINER_FS_INTERVAL,
                Duration.ofSeconds(1)),
            s.integer(
                "container_fs_max_files",
                MetricsConfig.DEFAULT_CONTAINER_FS_MAX_FILES,
                1,
                Long.MAX_VALUE),
            s.strings("container_labels", List.of()),
            textfileDirectory(s));
    s.rejectUnknown();
    return m;
  }

  /**
   * The textfile collector's directory: absolute, and a directory if it exists. One that does not
   * exist yet is allowed, since the job that writes the files may create it later.
   */
  private static Optional<Path> textfileDirectory(Section s) {
    String name = "textfile_directory";
    String v = s.string(name, null);
    if (v == null) {
      return Optional.empty();
    }
    if (v.isBlank() || !v.startsWith("/")) {
      s.problem(name, "\"" + v + "\" must be an absolute path");
      return Optional.empty();
    }
    Path p = Path.of(v);
    if (Files.exists(p) && !Files.isDirectory(p)) {
      s.problem(name, "\"" + v + "\" is not a directory");
    }
    return Optional.of(p);
  }

  private boolean checkRule(Section s, String key, String rule) {
    if (!knownRules.contains(rule)) {
      s.problem(key, "\"" + rule + "\" is not a rule id (see `dockwatch rules`)");
      return false;
    }
    return true;
  }

  private static String nonEmpty(Section s, String name) {
    String v = s.string(name, "");
    if (v.isBlank()) {
      s.problem(name, "must not be empty");
    }
    return v;
  }

  private static Path path(Section s, String name, String fallback) {
    String v = s.string(name, fallback);
    if (v.isBlank() || !v.startsWith("/")) {
      s.problem(name, "\"" + v + "\" must be an absolute path");
      return Path.of(fallback);
    }
    return Path.of(v);
  }

  private static Path requiredFile(Section s, String name) {
    String v = s.string(name, null);
    if (v == null || v.isBlank()) {
      s.problem(name, "is required");
      return null;
    }
    Path p = Path.of(v);
    if (!Files.isReadable(p)) {
      s.problem(name, "\"" + v + "\" is not a readable file");
    }
    return p;
  }
}
