#!/usr/bin/env bash
# Runs the whole experiment (seed 1, the seed's epochs) into work/benchmark and prints one figure
# a line: ARFF load time, phase-1 seconds per epoch, phase-2 seconds per epoch without and with the
# analysis, the total time, each step's seconds and peak RSS (the step "dictionary" is what the
# sparse dictionaries add) and the main job's peak RSS against its 0.75 GB target; then the sparse
# dictionary's seconds per epoch at the filter's defaults on the 60,000 hidden activations, beside
# its floor (the matrix products alone); then the full-MNIST Explorer scenario's peak RSS against
# its 1.5 GB target (dev/explorer-memory.sh; skipped, and says so, without a display or Xvfb).
#
#   dev/benchmark.sh [run-experiment options]
#   dev/benchmark.sh --versus-pytorch
#
# --versus-pytorch runs the seed notebook as PyTorch code (dev/pytorch/seed_notebook.py) and the
# main job one after the other on the same MNIST files (examples/data), and prints both wall times,
# both peak RSS and the ratio. It needs Python 3 with torch, torchvision, sklearn, matplotlib and
# scipy (Debian: apt-get install python3-torch python3-torchvision python3-sklearn
# python3-matplotlib python3-scipy); without them the comparison is skipped, and says so. A
# benchmark, not a test: CI does not run it.
set -euo pipefail
tag=benchmark
source "$(dirname "$0")/../examples/lib/common.sh"
cd "$repo"
mkdir -p work

if [[ "${1:-}" == --versus-pytorch ]]; then
  python=
  for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" > /dev/null \
      && "$candidate" -c 'import torch, torchvision, sklearn, matplotlib, scipy' 2> /dev/null; then
      python=$candidate
      break
    fi
  done
  if [[ -z "$python" ]]; then
    say "skipped: no Python 3 with torch, torchvision, sklearn, matplotlib and scipy"
    exit 0
  fi
  if [[ ! -x /usr/bin/time ]]; then
    say "skipped: /usr/bin/time (GNU time) is needed for the peak RSS"
    exit 0
  fi
  # build, install and data first, so that the timed run is the main job with its data prepared
  examples/run-experiment.sh --out work/benchmark --no-study > /dev/null 2> work/benchmark.log \
    || { cat work/benchmark.log >&2; exit 1; }
  /usr/bin/time -f '%e %M' -o work/benchmark-main.time \
    examples/run-experiment.sh --out work/benchmark --no-study > /dev/null 2> work/benchmark.log \
    || { cat work/benchmark.log >&2; exit 1; }
  /usr/bin/time -f '%e %M' -o work/benchmark-pytorch.time \
    "$python" dev/pytorch/seed_notebook.py examples/data work/benchmark-pytorch 1 \
    > work/benchmark-pytorch.log 2>&1 || { cat work/benchmark-pytorch.log >&2; exit 1; }
  read -r main_s main_kib < <(tail -1 work/benchmark-main.time)
  read -r torch_s torch_kib < <(tail -1 work/benchmark-pytorch.time)
  printf 'main job (examples/run-experiment.sh, seed 1): %s s, peak RSS %d MiB\n' \
    "$main_s" $((main_kib / 1024))
  printf 'PyTorch original (dev/pytorch/seed_notebook.py, seed 1): %s s, peak RSS %d MiB\n' \
    "$torch_s" $((torch_kib / 1024))
  awk -v m="$main_s" -v t="$torch_s" -v mk="$main_kib" -v tk="$torch_kib" 'BEGIN {
    printf "ratio: the main job is %.1f times faster, with %.2f times the peak RSS\n", t / m, mk / tk }'
  exit 0
fi

examples/run-experiment.sh --out work/benchmark "$@" > /dev/null 2> work/benchmark.log \
  || { cat work/benchmark.log >&2; exit 1; }
# the benchmark classes are the dev source set's (src/dev/java), not the package's: they run from
# this checkout's build (dev/java-dev.sh)
JAVA_OPTS=-Xmx1400m dev/java-dev.sh weka.superposition.commands.ExperimentBenchmark \
  work/benchmark examples/data/mnist_train.arff
# the sparse dictionary at the filter's defaults on the 60,000 hidden activations, and its floor
examples/run-experiment.sh --out work/benchmark-dictionary --no-study --write-intermediates \
  > /dev/null 2> work/benchmark.log || { cat work/benchmark.log >&2; exit 1; }
dev/java-dev.sh weka.superposition.commands.DictionaryBenchmark \
  work/benchmark-dictionary/seed-1/hidden-train.arff
# the Explorer on full MNIST (the data folder given with --data, if any): a line per stage, then
# its peak RSS against the target
explorer_args=()
for ((i = 1; i < $#; i++)); do
  [[ "${!i}" == --data ]] && { j=$((i + 1)); explorer_args=(--data "${!j}"); }
done
dev/explorer-memory.sh "${explorer_args[@]}" 2> work/benchmark.log \
  || { cat work/benchmark.log >&2; exit 1; }
