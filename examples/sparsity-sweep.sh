#!/usr/bin/env bash
# Elhage et al.'s sparsity sweep with the package's toy model: 5 features into 2 dimensions,
# importance 0.9^i, 10,000 Adam steps of 1024 rows per run, for sparsities 0 .. 0.99 and 3 seeds.
# Prints the table and timings; writes sweep.json, sweep.csv and PNGs into work/sweep (or --out).
#
#   examples/sparsity-sweep.sh [SweepReport options, e.g. -sparsities 0,0.9 -seeds 1 -out DIR]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$repo"
examples/install-package.sh
args=("$@")
[[ " $* " == *" -out "* ]] || args+=(-out "$repo/work/sweep")
examples/weka.sh --package-class weka.superposition.commands.SparsitySweepCommand "${args[@]}"
