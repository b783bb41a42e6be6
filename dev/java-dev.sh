#!/usr/bin/env bash
# Runs a main class of this checkout's build (target/classes with the package's libraries and
# Weka, then target/test-classes), building it first if stale: for benchmarks of the code as it
# stands, without installing. target/test-classes holds, besides the tests, the dev source set
# (src/dev/java: the benchmarks and TrainingFloor), which the build compiles with the tests and
# never ships in the jar or the package zips.
#
#   dev/java-dev.sh CLASS [ARGS...]
set -euo pipefail
source "$(dirname "$0")/../examples/lib/common.sh"
cd "$repo"
[[ -f examples/data/mnist_train.arff ]] || examples/fetch-mnist.sh
build_if_stale
if [[ ! -d target/test-classes/weka/superposition/commands ]]; then
  say "ERROR: target/test-classes lacks the dev classes (src/dev/java): build with mvn package" \
    "(-DskipTests compiles them, -Dmaven.test.skip does not)"
  exit 1
fi
export JAVA_OPTS=${JAVA_OPTS:--Xmx8g}
exec_java "$(build_classpath):$repo/target/test-classes" "$@"
