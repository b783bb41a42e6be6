#!/usr/bin/env bash
# Builds the Weka package, installs it offline into the private Weka home (work/weka-home), fetches
# MNIST and writes it as ARFF. Safe to run again: what is up to date is kept.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/install-package.sh"
"$here/fetch-mnist.sh"
echo "[prepare] done: examples/data/mnist_train.arff and examples/data/mnist_test.arff" >&2
