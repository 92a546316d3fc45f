#!/usr/bin/env bash
# Engine overhead on local[2] (issue 2): 1,000 trials x 0.2 s at parallelism 2 against the ideal
# makespan, and 10,000 trials of 0 s with and without trialsPerTask. Median of --runs (default 3).
#   bench/engine-overhead.sh [--runs 3] [--trials 1000] [--fast-trials 10000]
exec "$(dirname "$0")/run-main" io.sparktune.bench.EngineOverhead "$@"
