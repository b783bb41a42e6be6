#!/usr/bin/env bash
# Trains TFMlpClassifier (defaults: the seed's 784 -> 49 -> 10, 10 epochs) on the full MNIST ARFF
# and prints, one a line: seconds per epoch (median of epochs 2..10), prediction seconds for the
# test rows, test accuracy, peak RSS. Extra arguments are classifier options.
#
#   examples/benchmark-classifier.sh [-epochs 10 ...]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
[[ -f examples/data/mnist_train.arff ]] || examples/fetch-mnist.sh
[[ -d target/package/lib && -f target/weka-classpath.txt ]] || mvn -B -q -DskipTests package
classpath="target/classes:target/package/lib/*:target/package/natives/*:$(cat target/weka-classpath.txt)"
TF_CPP_MIN_LOG_LEVEL=2 exec java -Xmx8g -Djava.util.logging.config.file=examples/logging.properties \
  -cp "$classpath" weka.superposition.benchmark.ClassifierBenchmark \
  examples/data/mnist_train.arff examples/data/mnist_test.arff "$@"
