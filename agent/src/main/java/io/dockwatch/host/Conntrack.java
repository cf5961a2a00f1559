package io.dockwatch.host;

/** Entries in the kernel's connection tracking table and the table's size. */
public record Conntrack(long entries, long limit) {}
