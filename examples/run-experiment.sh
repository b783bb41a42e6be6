#!/usr/bin/env bash
# The project's main job: the seed experiment end to end with the installed package, on MNIST,
# ending in REPORT.md. By default in one Java process (weka.superposition.commands.RunExperiment):
# MNIST read once (the IDX files where the data folder has them, else the ARFF files), phase 1,
# the activations and phase 2 through the package's Weka classes, results passed in memory, plots
# drawn beside the training. (The same chain step by step on Weka's command line: README's
# sections on the classifier, phase 2 and the sparse dictionary give the commands.)
#
#   examples/run-experiment.sh [--seed N | --seeds N] [--out DIR] [--epochs1 N] [--epochs2 N]
#                              [--data DIR] [--write-intermediates] [--no-study]
#                              [--quiet]
#
#   --seed N      one run with seed N (default 1)
#   --seeds N     runs with seeds 1..N, and a table across them
#   --out DIR     output folder (default work/experiment); REPORT.md, seed-N/ folders, timings.tsv
#   --epochs1 N   phase-1 epochs (default 10, the seed's)
#   --epochs2 N   phase-2 epochs (default 20, the seed's)
#   --data DIR    folder with MNIST: the IDX files and/or mnist_train.arff and mnist_test.arff
#                 (default examples/data, fetched and prepared on first use)
#   --write-intermediates
#                 also write the hidden activations as ARFF
#   --no-study    the notebook's steps only, without the convergence study and the
#                 sparse dictionaries (the comparison with the PyTorch original, which has none)
#   --quiet       standard output keeps only the final lines (the report's path, the headline
#                 figures, the time); without it, every step and its progress are shown there
#
# Per seed: phase 1, the hidden activations, phase 2, the convergence study (seed-N/study.json)
# and the sparse dictionaries (seed-N/dictionary.json), then REPORT.md.
# Progress goes to standard output, errors to standard error.
# Builds and installs the package into work/weka-home when needed (examples/install-package.sh).
set -euo pipefail
tag=experiment
source "$(dirname "$0")/lib/common.sh"
cd "$repo"

seeds=(1)
out=$repo/work/experiment
epochs1=10
epochs2=20
data=$repo/examples/data
intermediates=()
no_study=()
quiet=()
# the main job talks on standard output (errors stay on standard error), its helpers too
export TFS_SAY_FD=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --seed) seeds=("$2"); shift 2 ;;
    --seeds) seeds=($(seq 1 "$2")); shift 2 ;;
    --out) out=$2; shift 2 ;;
    --epochs1) epochs1=$2; shift 2 ;;
    --epochs2) epochs2=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --write-intermediates) intermediates=(--write-intermediates); shift ;;
    --no-study) no_study=(--no-study); shift ;;
    --quiet) quiet=(--quiet); export TFS_QUIET=1; shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "run-experiment: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
out=$(mkdir -p "$out" && cd "$out" && pwd)
data=$(cd "$data" 2>/dev/null && pwd || echo "$data")

examples/install-package.sh
if [[ "$data" == "$repo/examples/data" ]]; then
  examples/fetch-mnist.sh
fi

# one process; its heap: the IDX files give sparse rows (about 136 MB for both sets), the ARFF
# files dense ones (about 450 MB); phase 1 holds the training inputs once more as byte codes
# (47 MB), and the study and the dictionaries keep up to about 215 MB live in all. On the IDX
# files the heap is all but the whole Java side of the peak RSS, so it is kept small: the serial
# collector (no concurrent collector's tables, 40-50 MB), a 288 MB heap of which 32 MB young (the
# old generation holds the live data, so that full collections stay rare: about 1.9 s of pauses
# in all, as with 400 MB). Measured (seed 1, /usr/bin/time, README "Memory"): 0.69 GB peak RSS,
# where -Xmx400m and G1 peaked at 1.17 GB before the byte codes
if [[ -f "$data/train-images-idx3-ubyte" || -f "$data/train-images-idx3-ubyte.gz" ]]; then
  export JAVA_OPTS="${JAVA_OPTS:--Xmx288m -Xmn32m -XX:+UseSerialGC}"
else
  export JAVA_OPTS="${JAVA_OPTS:--Xmx1400m}"
fi
args=(--out "$out" --data "$data" --epochs1 "$epochs1" --epochs2 "$epochs2" "${intermediates[@]}"
  "${no_study[@]}" "${quiet[@]}")
if [[ ${#seeds[@]} -gt 1 ]]; then
  args+=(--seeds "${#seeds[@]}")
else
  args+=(--seed "${seeds[0]}")
fi
exec examples/weka.sh --package-class weka.superposition.commands.RunExperiment "${args[@]}"
