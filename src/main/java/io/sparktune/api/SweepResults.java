package io.sparktune.api;

import io.sparktune.core.TrialResult;
import io.sparktune.store.SweepFile;

import java.util.List;

/** A sweep's description and its finished trials. */
public record SweepResults(SweepFile sweep, List<TrialResult> trials) {
}
