#!/usr/bin/env bash
# Optuna's TPE (univariate and multivariate) on the problems, budgets and seeds of bench/searchers.sh,
# for the peer columns of docs/benchmarks.md. Needs Debian's python3-optuna (apt-get install python3-optuna).
#   bench/searchers-peer.sh               20 seeds, all four problems (about 10 minutes on 2 cores)
#   bench/searchers-peer.sh --seeds 5 --problems branin
set -euo pipefail
cd "$(dirname "$0")/.."
exec /usr/bin/python3 bench/optuna_peer.py "$@"
