#!/usr/bin/env bash
# Builds the Weka package, installs it offline into the private Weka home (work/weka-home), fetches
# MNIST and writes it as ARFF. Safe to run again: what is up to date is kept.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
"$repo/examples/install-package.sh"
"$repo/examples/fetch-mnist.sh"
say "done: examples/data/mnist_train.arff and examples/data/mnist_test.arff"
