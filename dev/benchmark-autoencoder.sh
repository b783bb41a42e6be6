#!/usr/bin/env bash
# Times phase 2 on the hidden activations of the full MNIST training set: the seed's autoencoder
# (20 epochs) without and with the per-epoch analysis, and prints one figure a line. Trains the
# classifier and computes the activations first if examples/data lacks them.
#
#   dev/benchmark-autoencoder.sh [seed]
set -euo pipefail
source "$(dirname "$0")/../examples/lib/common.sh"
cd "$repo"
model=examples/data/benchmark-mlp.model
hidden=examples/data/benchmark-hidden-train.arff
if [[ ! -f "$model" ]]; then
  dev/java-dev.sh weka.classifiers.functions.TFMlpClassifier \
    -t examples/data/mnist_train.arff -no-cv -d "$model" > /dev/null
fi
if [[ ! -f "$hidden" || "$model" -nt "$hidden" ]]; then
  dev/java-dev.sh weka.filters.unsupervised.attribute.TFMlpActivations -model "$model" \
    -c last -i examples/data/mnist_train.arff -o "$hidden"
fi
exec dev/java-dev.sh weka.superposition.commands.AutoencoderBenchmark "$hidden" "${1:-1}"
