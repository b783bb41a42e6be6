#!/usr/bin/env bash
# Runs a main class of this checkout's build (target/classes with the package's libraries and
# Weka), building it first if needed: for benchmarks of the code as it stands, without installing.
#
#   examples/java-dev.sh CLASS [ARGS...]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
[[ -f examples/data/mnist_train.arff ]] || examples/fetch-mnist.sh
[[ -d target/package/lib && -f target/weka-classpath.txt ]] || mvn -B -q -DskipTests package
classpath="target/classes:target/package/lib/*:target/package/natives/*:$(cat target/weka-classpath.txt)"
TF_CPP_MIN_LOG_LEVEL=2 exec java ${JAVA_OPTS:--Xmx8g} \
  -Djava.util.logging.config.file=examples/logging.properties -cp "$classpath" "$@"
