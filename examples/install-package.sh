#!/usr/bin/env bash
# Builds the package zip if the sources are newer than it, and installs it offline into the
# private Weka home (WEKA_HOME, default work/weka-home) unless the installed copy is up to date.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export WEKA_HOME=${WEKA_HOME:-$repo/work/weka-home}

say() { echo "[install] $*" >&2; }

version=$(sed -n 's/^Version=//p' Description.props)
# TFS_PACKAGE_ZIP names a zip to install as it is (the integration tests, inside a Maven build)
zip=${TFS_PACKAGE_ZIP:-$(ls target/tensorflowSuperposition-"$version"-*.zip 2>/dev/null | head -1 || true)}
if [[ -z "${TFS_PACKAGE_ZIP:-}" && ( -z "$zip" || -n "$(find src pom.xml Description.props -newer "$zip" -print -quit)" ) ]]; then
  say "building the package zip (mvn package)"
  mvn -B -q -DskipTests package
  zip=$(ls target/tensorflowSuperposition-"$version"-*.zip | head -1)
fi
installed="$WEKA_HOME/packages/tensorflowSuperposition/tensorflowSuperposition.jar"
if [[ -f "$installed" && "$installed" -nt "$zip" ]]; then
  say "installed package is up to date ($WEKA_HOME)"
  exit 0
fi
say "package zip: $zip ($(du -h "$zip" | cut -f1))"
start=$(date +%s%N)
examples/weka.sh weka.core.WekaPackageManager -install-package "$zip" >/dev/null
say "installed into $WEKA_HOME in $(( ($(date +%s%N) - start) / 1000000 )) ms"
examples/weka.sh weka.core.WekaPackageManager -list-packages installed | grep tensorflowSuperposition >&2
