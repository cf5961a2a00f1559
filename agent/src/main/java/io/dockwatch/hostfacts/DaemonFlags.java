package io.dockwatch.hostfacts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The flags of a {@code dockerd} command line, as the daemon reads them: short forms under their
 * long names, {@code --name=value} and {@code --name value} alike, the last occurrence of a single
 * value winning and list flags accumulating.
 */
public final class DaemonFlags {
  /** Short forms and deprecated names of the daemon, by their current long name. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("H", "host"),
          Map.entry("l", "log-level"),
          Map.entry("D", "debug"),
          Map.entry("G", "group"),
          Map.entry("g", "data-root"),
          Map.entry("graph", "data-root"),
          Map.entry("p", "pidfile"),
          Map.entry("b", "bridge"),
          Map.entry("s", "storage-driver"),
          Map.entry("v", "version"),
          Map.entry("h", "help"));

  /** Flags that take no value: a following word is never theirs. */
  private static final Set<String> BOOLEAN =
      Set.of(
          "debug",
          "icc",
          "iptables",
          "ip6tables",
          "ip-forward",
          "ip-masq",
          "ipv6",
          "userland-proxy",
          "live-restore",
          "tls",
          "tlsverify",
          "selinux-enabled",
          "no-new-privileges",
          "experimental",
          "raw-logs",
          "init",
          "validate",
          "version",
          "help",
          "rootless",
          "disable-legacy-registry");

  /** Flags that may be given many times, each adding a value. */
  private static final Set<String> LISTS =
      Set.of(
          "host",
          "insecure-registry",
          "authorization-plugin",
          "storage-opt",
          "default-ulimit",
          "log-opt",
          "label",
          "dns",
          "dns-opt",
          "dns-search",
          "exec-opt",
          "registry-mirror",
          "add-runtime",
          "allow-nondistributable-artifacts",
          "default-address-pool",
          "cluster-store-opt",
          "node-generic-resource",
          "cdi-spec-dir",
          "feature");

  private final Map<String, List<String>> values;

  private DaemonFlags(Map<String, List<String>> values) {
    this.values = values;
  }

  public static DaemonFlags none() {
    return new DaemonFlags(Map.of());
  }

  /** Parses the arguments after the program name. Words that are no flag are ignored. */
  public static DaemonFlags parse(List<String> args) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        continue;
      }
      boolean longForm = arg.startsWith("--");
      String body = arg.substring(longForm ? 2 : 1);
      String name;
      String value = null;
      int eq = body.indexOf('=');
      if (eq >= 0) {
        name = body.substring(0, eq);
        value = body.substring(eq + 1);
      } else if (!longForm && body.length() > 1 && !BOOLEAN.contains(canonical(body))) {
        // pflag's "-Hunix:///x": one letter, then its value
        name = body.substring(0, 1);
        value = body.substring(1);
      } else {
        name = body;
      }
      name = canonical(name);
      if (value == null) {
        if (BOOLEAN.contains(name)) {
          value = "true";
        } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
          value = args.get(++i);
        } else {
          value = "";
        }
      }
      List<String> list = out.computeIfAbsent(name, k -> new ArrayList<>());
      if (!LISTS.contains(name)) {
        list.clear();
      }
      list.add(value);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return new DaemonFlags(Collections.unmodifiableMap(out));
  }

  /** The long name of a flag given in any of its spellings. */
  public static String canonical(String name) {
    return ALIASES.getOrDefault(name, name);
  }

  public static boolean isList(String name) {
    return LISTS.contains(name);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The effective value of a single-valued flag: the last one given. */
  public Optional<String> value(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  /** Every value of a list flag, in order. */
  public List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  public Map<String, List<String>> asMap() {
    return values;
  }
}
