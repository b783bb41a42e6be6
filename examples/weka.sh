#!/usr/bin/env bash
# Runs Weka's command line (weka.Run) with this project's package installed in a private, offline
# Weka home, as a Weka user would run it:
#
#   examples/weka.sh IDXLoader examples/data/t10k-images-idx3-ubyte
#   examples/weka.sh weka.core.WekaPackageManager -list-packages installed
#
# A first argument with a dot is run as a main class; anything else goes through weka.Run.
# --package-class CLASS runs a main class of the installed package itself (weka.Run only runs
# Weka schemes), with the package's jar and lib/ on the class path.
# WEKA_HOME defaults to work/weka-home in the repository (ignored by git); examples/prepare.sh
# builds the package and installs it there.
set -euo pipefail
tag=weka.sh
source "$(dirname "$0")/lib/common.sh"
export WEKA_HOME=${WEKA_HOME:-$repo/work/weka-home}
classpath_file="$repo/target/weka-classpath.txt"
if [[ ! -f "$classpath_file" ]]; then
  say "$classpath_file is missing: run examples/prepare.sh (or mvn package) first"
  exit 1
fi
mkdir -p "$WEKA_HOME/props"
# Weka's package manager tries the network at every start and can hang on a closed one.
grep -qs 'weka.packageManager.offline=true' "$WEKA_HOME/props/PackageManager.props" \
  || echo "weka.packageManager.offline=true" >> "$WEKA_HOME/props/PackageManager.props"
main=weka.Run
classpath=$(cat "$classpath_file")
if [[ $# -gt 1 && "$1" == --package-class ]]; then
  # the installed platform's package, tensorflowSuperposition-<platform> (they preclude each other)
  package=$(ls -d "$WEKA_HOME"/packages/tensorflowSuperposition-*/ 2>/dev/null | head -1)
  package=${package%/}
  if [[ -z "$package" ]]; then
    say "no tensorflowSuperposition package in $WEKA_HOME: run examples/prepare.sh"
    exit 1
  fi
  classpath="$package/tensorflowSuperposition.jar:$package/lib/*:$classpath"
  main=$2
  shift 2
elif [[ $# -gt 0 && "$1" == *.* && "$1" != -* ]]; then
  main=$1
  shift
fi
exec_java "$classpath" "$main" "$@"
