package io.dockwatch.config;

import io.dockwatch.config.RulesConfig.PortSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of the address and port notations the configuration and the engine use. */
public final class Addresses {
  private static final Pattern PORT = Pattern.compile("(\\d{1,5})/(tcp|udp|sctp)");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Addresses() {}

  public static Optional<PortSpec> portSpec(String text) {
    Matcher m = PORT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int port = Integer.parseInt(m.group(1));
    if (port < 1 || port > 65535) {
      return Optional.empty();
    }
    return Optional.of(new PortSpec(port, m.group(2)));
  }

  /** Whether the text is an IPv4 or IPv6 literal; never resolves a name. */
  public static boolean isLiteral(String text) {
    return IPV4.matcher(text).matches() || (text.contains(":") && text.matches("[0-9a-fA-F:.]+"));
  }

  /**
   * The canonical text of an IP literal ({@code ::ffff:0:0} forms and zero runs normalised), so
   * that two spellings of one address compare equal. Empty for anything that is not a literal.
   */
  public static Optional<String> canonical(String text) {
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (!isLiteral(t)) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(t).getHostAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Whether a host address means "every interface": empty, {@code 0.0.0.0} or {@code ::}. */
  public static boolean isWildcard(String hostIp) {
    if (hostIp == null || hostIp.isBlank()) {
      return true;
    }
    return canonical(hostIp)
        .map(c -> c.equals("0.0.0.0") || c.equals("0:0:0:0:0:0:0:0"))
        .orElse(false);
  }
}
