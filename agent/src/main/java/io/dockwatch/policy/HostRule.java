package io.dockwatch.policy;

import java.util.List;

/** A pure check of the host: its engine, daemon flags and files. */
public interface HostRule {

  RuleInfo info();

  List<Violation> check(HostContext host);
}
