#!/usr/bin/env bash
# Builds the package zip if the sources are newer than it, and installs it offline into the
# private Weka home (WEKA_HOME, default work/weka-home) unless the installed copy is up to date.
set -euo pipefail
tag=install
source "$(dirname "$0")/lib/common.sh"
cd "$repo"
export WEKA_HOME=${WEKA_HOME:-$repo/work/weka-home}

# TFS_PACKAGE_ZIP names a zip to install as it is (the integration tests, inside a Maven build)
build_if_stale
zip=${TFS_PACKAGE_ZIP:-$(package_zip)}
version=$(sed -n 's/^Version=//p' Description.props)
# one Weka package per platform: tensorflowSuperposition-<platform>, as in the zip's name
name=tensorflowSuperposition-$(basename "$zip" .zip | sed "s/^tensorflowSuperposition-$version-//")
installed="$WEKA_HOME/packages/$name/tensorflowSuperposition.jar"
if [[ -f "$installed" && "$installed" -nt "$zip" ]]; then
  say "installed package $name is up to date ($WEKA_HOME)"
  exit 0
fi
# another platform's package (or the single package of earlier versions) would clash with it
for other in "$WEKA_HOME"/packages/tensorflowSuperposition*/; do
  other=$(basename "$other")
  if [[ "$other" != "$name" && "$other" != "tensorflowSuperposition*" ]]; then
    say "uninstalling $other"
    examples/weka.sh weka.core.WekaPackageManager -uninstall-package "$other" >/dev/null
  fi
done
say "package zip: $zip ($(du -h "$zip" | cut -f1))"
start=$(date +%s%N)
examples/weka.sh weka.core.WekaPackageManager -install-package "$zip" >/dev/null
say "installed $name into $WEKA_HOME in $(( ($(date +%s%N) - start) / 1000000 )) ms"
examples/weka.sh weka.core.WekaPackageManager -list-packages installed | grep "$name" \
  | while read -r line; do say "$line"; done
