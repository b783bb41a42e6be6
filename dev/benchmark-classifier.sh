#!/usr/bin/env bash
# Trains TFMlpClassifier (defaults: the seed's 784 -> 49 -> 10, 10 epochs) on the full MNIST ARFF
# and prints, one a line: seconds per epoch (median of epochs 2..10), prediction seconds for the
# test rows, test accuracy, peak RSS. Extra arguments are classifier options.
#
#   dev/benchmark-classifier.sh [-epochs 10 ...]
set -euo pipefail
source "$(dirname "$0")/../examples/lib/common.sh"
cd "$repo"
exec dev/java-dev.sh weka.superposition.commands.ClassifierBenchmark \
  examples/data/mnist_train.arff examples/data/mnist_test.arff "$@"
