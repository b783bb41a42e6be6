#!/usr/bin/env bash
# Runs a main class of this checkout's build (target/classes with the package's libraries and
# Weka), building it first if stale: for benchmarks of the code as it stands, without installing.
#
#   dev/java-dev.sh CLASS [ARGS...]
set -euo pipefail
source "$(dirname "$0")/../examples/lib/common.sh"
cd "$repo"
[[ -f examples/data/mnist_train.arff ]] || examples/fetch-mnist.sh
build_if_stale
export JAVA_OPTS=${JAVA_OPTS:--Xmx8g}
exec_java "$(build_classpath)" "$@"
