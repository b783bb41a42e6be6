#!/usr/bin/env bash
# The project's main job, for now: build the Weka package zip, install it offline into the private
# Weka home (work/weka-home), fetch MNIST and write it as ARFF. Safe to run again.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

say() { echo "[prepare] $*" >&2; }

version=$(sed -n 's/^Version=//p' Description.props)
zip=$(ls target/tensorflowSuperposition-"$version"-*.zip 2>/dev/null | head -1 || true)
if [[ -z "$zip" || -n "$(find src pom.xml Description.props -newer "$zip" -print -quit)" ]]; then
  say "building the package zip (mvn package)"
  mvn -B -q -DskipTests package
  zip=$(ls target/tensorflowSuperposition-"$version"-*.zip | head -1)
fi
say "package zip: $zip ($(du -h "$zip" | cut -f1))"

start=$(date +%s%N)
examples/weka.sh weka.core.WekaPackageManager -install-package "$zip" >/dev/null
say "installed into ${WEKA_HOME:-work/weka-home} in $(( ($(date +%s%N) - start) / 1000000 )) ms"
examples/weka.sh weka.core.WekaPackageManager -list-packages installed | grep tensorflowSuperposition >&2

examples/fetch-mnist.sh
say "done: examples/data/mnist_train.arff and examples/data/mnist_test.arff"
