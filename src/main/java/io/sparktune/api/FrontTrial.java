package io.sparktune.api;

import io.sparktune.core.Config;

import java.util.Map;

/** One trial of a sweep's Pareto front, as {@code best/pareto.json} holds it: its objectives' values and its config. */
public record FrontTrial(int trialId, Map<String, Double> objectives, Config config) {
}
