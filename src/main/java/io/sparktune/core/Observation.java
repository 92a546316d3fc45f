package io.sparktune.core;

/**
 * A finished trial as a searcher sees it: the config and the loss (the objective, negated when
 * the sweep maximises), so every searcher minimises.
 */
public record Observation(int trialId, Config config, double loss, TrialStatus status, long steps) {
}
