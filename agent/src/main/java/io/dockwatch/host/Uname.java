package io.dockwatch.host;

/** The kernel's identification, as {@code uname(2)} reports it. */
public record Uname(
    String sysname,
    String release,
    String version,
    String machine,
    String nodename,
    String domainname) {}
