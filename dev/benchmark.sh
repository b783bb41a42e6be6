#!/usr/bin/env bash
# Runs the whole experiment (seed 1, the seed's epochs) into work/benchmark and prints one figure
# a line: ARFF load time, phase-1 seconds per epoch, phase-2 seconds per epoch without and with the
# analysis, the total time, and the peak RSS of each Java process.
set -euo pipefail
source "$(dirname "$0")/../examples/lib/common.sh"
cd "$repo"
mkdir -p work
examples/run-experiment.sh --out work/benchmark "$@" > /dev/null 2> work/benchmark.log \
  || { cat work/benchmark.log >&2; exit 1; }
JAVA_OPTS=-Xmx1400m examples/weka.sh --package-class weka.superposition.commands.ExperimentBenchmark \
  work/benchmark examples/data/mnist_train.arff
