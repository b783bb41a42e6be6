#!/usr/bin/env bash
# Elhage et al.'s sparsity sweep with the package's toy model: 5 features into 2 dimensions,
# importance 0.9^i, 10,000 AdamW steps on fresh batches of 1024 per run, sparsities 0 .. 0.99, 3 seeds,
# on all cores (-threads N; -shard k/N and -merge DIR as ToySweepCommand).
# Prints the table and timings; writes sweep.json, sweep.csv and PNGs into work/sweep (or --out).
#
#   examples/sparsity-sweep.sh [ToySweepCommand options, e.g. -sparsities 0,0.9 -seeds 1 -out DIR]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$repo"
examples/install-package.sh
args=("$@")
[[ " $* " == *" -out "* ]] || args+=(-out "$repo/work/sweep")
examples/weka.sh --package-class weka.superposition.commands.SparsitySweepCommand "${args[@]}"
