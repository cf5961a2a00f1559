package io.dockwatch.policy;

import io.dockwatch.config.Waiver;
import java.util.Optional;

/**
 * A violation with the rule as configured (severity overrides applied) and the exception that
 * waives it, if one does.
 */
public record Verdict(RuleInfo rule, Violation violation, Optional<Waiver> waiver) {}
