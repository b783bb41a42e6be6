#!/usr/bin/env bash
# The full-MNIST Explorer scenario, measured: the Explorer with the package installed (a private,
# offline Weka home), MNIST's 60,000 training images opened in the Preprocess tab with the package's
# IDXLoader and its -sparse option, TFMlpClassifier trained at its defaults in the Classify tab (Use
# training set, Start), "Superposition..." trained to the end on its result, the Superposition tab's
# Start on the pixels (its warning, "No"). Prints a line per stage (RSS, peak RSS, heap) and the
# Explorer's peak RSS against the 1.5 GB target; the GUI driver is
# src/test/java/weka/superposition/gui/ExplorerMemoryDriver.java. Not part of mvn verify (minutes).
#
#   dev/explorer-memory.sh [--data DIR] [--no-stored-predictions]
#
#   --data DIR    the folder with train-images-idx3-ubyte and its labels (default examples/data)
#   --no-stored-predictions
#                 untick the Classify tab's "Store test data and predictions for visualization"
#                 (Weka's own copy of the evaluated rows with their predictions)
#
# The Explorer's JVM gets the launch line of the other scripts (examples/lib/common.sh) and a 1 GB
# heap that G1 keeps no more than 40 % free (JAVA_OPTS, default
# "-Xmx1g -XX:MaxHeapFreeRatio=40 -XX:MinHeapFreeRatio=20", as README "Memory" suggests for full
# MNIST in the Explorer: with -Xmx1g alone the heap grows to the whole 1 GB and the peak is
# 0.1 GB higher; JAVA_OPTS= leaves the JVM's own default, a quarter of the machine's memory, where
# G1 keeps garbage resident and the peak varies by 0.1-0.2 GB from run to run). It needs an X display:
# DISPLAY, or Xvfb (apt-get install xvfb), which it starts; without either it says so and exits 0.
set -euo pipefail
tag=explorer-memory
source "$(dirname "$0")/../examples/lib/common.sh"
cd "$repo"

data=$repo/examples/data
driver_args=()
args=("$@")
while [[ $# -gt 0 ]]; do
  case $1 in
    --data) data=$2; shift 2 ;;
    --no-stored-predictions) driver_args+=(--no-stored-predictions); shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "explorer-memory: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [[ -z "${DISPLAY:-}" ]]; then
  if ! command -v xvfb-run > /dev/null; then
    say "skipped: no DISPLAY and no xvfb-run (apt-get install xvfb)"
    exit 0
  fi
  # again on a virtual display of the size the GUI tests use (the default one is too small)
  exec xvfb-run -a -s "-screen 0 1280x900x24" "$0" "${args[@]}"
fi
images=$data/train-images-idx3-ubyte
[[ -f "$images" ]] || images=$images.gz
if [[ ! -f "$images" ]]; then
  [[ "$data" == "$repo/examples/data" ]] && examples/fetch-mnist.sh
  images=$data/train-images-idx3-ubyte
fi

export JAVA_OPTS=${JAVA_OPTS--Xmx1g -XX:MaxHeapFreeRatio=40 -XX:MinHeapFreeRatio=20}

# the package zip and its install (the build compiles the driver with the tests' classes)
examples/install-package.sh
export WEKA_HOME=${WEKA_HOME:-$repo/work/weka-home}
mkdir -p "$WEKA_HOME/systemDialogs"
touch "$WEKA_HOME/systemDialogs/weka.gui.GUIChooser.HowToFindPackageManager"
# the driver's classes alone: the whole of target/test-classes would put test classes into Weka's
# class discovery
driver=$repo/work/explorer-memory/driver
rm -rf "$driver" && mkdir -p "$driver/weka/superposition/gui"
cp "$repo"/target/test-classes/weka/superposition/gui/{ExplorerMemoryDriver,DriverSupport}*.class \
  "$driver/weka/superposition/gui/"
screenshots=$repo/work/explorer-memory

log=$screenshots/driver.log
(exec_java "$driver:$(cat "$repo/target/weka-classpath.txt")" \
  weka.superposition.gui.ExplorerMemoryDriver "$images" "$screenshots" "${driver_args[@]}") \
  > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
grep '^STAGE' "$log" | sed 's/^STAGE /  /'
grep '^BENCHMARK' "$log" | sed 's/^BENCHMARK //' | awk '{
  mb = $4; printf "Explorer scenario (full MNIST) peak RSS: %.2f GB, target 1.5 GB: %s\n",
    mb / 1000, mb <= 1500 ? "met" : "over" }'
