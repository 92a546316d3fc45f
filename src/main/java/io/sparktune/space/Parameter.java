package io.sparktune.space;

/** A named hyperparameter and its domain. */
public record Parameter(String name, Domain domain) {
}
