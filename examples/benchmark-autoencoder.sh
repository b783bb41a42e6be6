#!/usr/bin/env bash
# Times phase 2 on the hidden activations of the full MNIST training set: the seed's autoencoder
# (20 epochs) without and with the per-epoch analysis, and prints one figure a line. Trains the
# classifier and computes the activations first if examples/data lacks them.
#
#   examples/benchmark-autoencoder.sh [seed]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
[[ -f examples/data/mnist_train.arff ]] || examples/fetch-mnist.sh
[[ -d target/package/lib && -f target/weka-classpath.txt ]] || mvn -B -q -DskipTests package
classpath="target/classes:target/package/lib/*:target/package/natives/*:$(cat target/weka-classpath.txt)"
run() {
  TF_CPP_MIN_LOG_LEVEL=2 java -Xmx8g -Djava.util.logging.config.file=examples/logging.properties \
    -cp "$classpath" "$@"
}
model=examples/data/benchmark-mlp.model
hidden=examples/data/benchmark-hidden-train.arff
if [[ ! -f "$model" ]]; then
  run weka.classifiers.functions.TFMlpClassifier -t examples/data/mnist_train.arff -no-cv \
    -d "$model" > /dev/null
fi
if [[ ! -f "$hidden" || "$model" -nt "$hidden" ]]; then
  run weka.filters.unsupervised.attribute.TFMlpActivations -model "$model" -c last \
    -i examples/data/mnist_train.arff -o "$hidden"
fi
run weka.superposition.benchmark.AutoencoderBenchmark "$hidden" "${1:-1}"
