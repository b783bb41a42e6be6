#!/usr/bin/env bash
# The project's main job: the seed experiment end to end with the installed package, on MNIST,
# ending in REPORT.md. By default in one Java process (weka.superposition.commands.RunExperiment):
# MNIST read once (the IDX files where the data folder has them, else the ARFF files), phase 1,
# the activations and phase 2 through the package's Weka classes, results passed in memory, plots
# drawn beside the training. --separate runs the same chain as one weka.Run call per step on the
# ARFF files instead (the Weka command-line way; slower, same numbers).
#
#   examples/run-experiment.sh [--seed N | --seeds N] [--out DIR] [--epochs1 N] [--epochs2 N]
#                              [--data DIR] [--separate] [--write-intermediates] [--no-study]
#                              [--quiet]
#
#   --seed N      one run with seed N (default 1)
#   --seeds N     runs with seeds 1..N, and a table across them
#   --out DIR     output folder (default work/experiment); REPORT.md, seed-N/ folders, timings.tsv
#   --epochs1 N   phase-1 epochs (default 10, the seed's)
#   --epochs2 N   phase-2 epochs (default 20, the seed's)
#   --data DIR    folder with MNIST: the IDX files and/or mnist_train.arff and mnist_test.arff
#                 (default examples/data, fetched and prepared on first use)
#   --separate    one weka.Run call per step, on the ARFF files (hidden activations and codes
#                 written as ARFF between the steps)
#   --write-intermediates
#                 one process: also write the hidden activations as ARFF
#   --no-study    one process: the notebook's steps only, without the convergence study and the
#                 sparse dictionaries (the comparison with the PyTorch original, which has none)
#   --quiet       standard output keeps only the final lines (the report's path, the headline
#                 figures, the time); without it, every step and its progress are shown there
#
# Per seed: phase 1, the hidden activations, phase 2, the convergence study (seed-N/study.json)
# and the sparse dictionaries (seed-N/dictionary.json; one process only), then REPORT.md.
# Progress goes to standard output, errors to standard error.
# Builds and installs the package into work/weka-home when needed (examples/install-package.sh).
set -euo pipefail
tag=experiment
source "$(dirname "$0")/lib/common.sh"
cd "$repo"

seeds=(1)
out=$repo/work/experiment
epochs1=10
epochs2=20
data=$repo/examples/data
separate=false
intermediates=()
no_study=()
quiet=()
# the main job talks on standard output (errors stay on standard error), its helpers too
export TFS_SAY_FD=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --seed) seeds=("$2"); shift 2 ;;
    --seeds) seeds=($(seq 1 "$2")); shift 2 ;;
    --out) out=$2; shift 2 ;;
    --epochs1) epochs1=$2; shift 2 ;;
    --epochs2) epochs2=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --separate) separate=true; shift ;;
    --write-intermediates) intermediates=(--write-intermediates); shift ;;
    --no-study) no_study=(--no-study); shift ;;
    --quiet) quiet=(--quiet); export TFS_QUIET=1; shift ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "run-experiment: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
out=$(mkdir -p "$out" && cd "$out" && pwd)
data=$(cd "$data" 2>/dev/null && pwd || echo "$data")

examples/install-package.sh
if [[ "$data" == "$repo/examples/data" ]]; then
  examples/fetch-mnist.sh
fi

if [[ $separate == false ]]; then
  # one process; its heap: the IDX files give sparse rows (about 136 MB for both sets), the ARFF
  # files dense ones (about 450 MB); phase 1 holds the training inputs once more as byte codes
  # (47 MB), and the study and the dictionaries keep up to about 215 MB live in all. On the IDX
  # files the heap is all but the whole Java side of the peak RSS, so it is kept small: the serial
  # collector (no concurrent collector's tables, 40-50 MB), a 288 MB heap of which 32 MB young (the
  # old generation holds the live data, so that full collections stay rare: about 1.9 s of pauses
  # in all, as with 400 MB). Measured (seed 1, /usr/bin/time, README "Memory"): 0.69 GB peak RSS,
  # where -Xmx400m and G1 peaked at 1.17 GB before the byte codes
  if [[ -f "$data/train-images-idx3-ubyte" || -f "$data/train-images-idx3-ubyte.gz" ]]; then
    export JAVA_OPTS="${JAVA_OPTS:--Xmx288m -Xmn32m -XX:+UseSerialGC}"
  else
    export JAVA_OPTS="${JAVA_OPTS:--Xmx1400m}"
  fi
  args=(--out "$out" --data "$data" --epochs1 "$epochs1" --epochs2 "$epochs2" "${intermediates[@]}"
    "${no_study[@]}" "${quiet[@]}")
  if [[ ${#seeds[@]} -gt 1 ]]; then
    args+=(--seeds "${#seeds[@]}")
  else
    args+=(--seed "${seeds[0]}")
  fi
  exec examples/weka.sh --package-class weka.superposition.commands.RunExperiment "${args[@]}"
fi

train=$data/mnist_train.arff
test=$data/mnist_test.arff
for file in "$train" "$test"; do
  [[ -f "$file" ]] || { say "ERROR: $file is missing"; exit 1; }
done
# the study reads the training set again: MNIST's IDX file when it is there (seconds), else the ARFF
study_data=$data/train-images-idx3-ubyte
[[ -f "$study_data" ]] || study_data=$train

# Every Java process: a bounded heap (the data need about 1 GB), and its time and peak RSS.
export JAVA_OPTS="${JAVA_OPTS:--Xmx1400m}"
timings=$out/timings.tsv
printf 'step\tseconds\tpeak_rss_kib\n' > "$timings"
step() {
  local name=$1 log=$2
  shift 2
  local start=$SECONDS rss=n/a
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%M' -o "$out/.rss" "$@" > "$log"
    rss=$(tail -1 "$out/.rss")
  else
    "$@" > "$log"
  fi
  printf '%s\t%s\t%s\n' "$name" "$((SECONDS - start))" "$rss" >> "$timings"
}

total_start=$SECONDS
for seed in "${seeds[@]}"; do
  dir=$out/seed-$seed
  rm -rf "$dir"
  mkdir -p "$dir"
  say "seed $seed: phase 1, TFMlpClassifier ($epochs1 epochs; test accuracy after each)"
  step "seed-$seed phase1" "$dir/phase1.txt" examples/weka.sh TFMlpClassifier \
    -t "$train" -T "$test" -d "$dir/mlp.model" -S "$seed" -epochs "$epochs1" -monitor "$test" \
    -report "$dir/phase1.json"
  say "  $(grep -A2 'Error on test data' "$dir/phase1.txt" | tail -1)"

  say "seed $seed: hidden activations of the training and test sets (TFMlpActivations)"
  step "seed-$seed activations" "$dir/activations.txt" examples/weka.sh TFMlpActivations \
    -model "$dir/mlp.model" -c last -b -i "$train" -o "$dir/hidden-train.arff" \
    -r "$test" -s "$dir/hidden-test.arff"

  say "seed $seed: phase 2, SuperpositionAutoencoder ($epochs2 epochs, analysed after each)"
  step "seed-$seed phase2" "$dir/phase2.txt" examples/weka.sh SuperpositionAutoencoder \
    -S "$seed" -epochs "$epochs2" -analyse-every-epoch -output-debug-info \
    -report "$dir/report.json" -png-dir "$dir/png" -c last -b \
    -i "$dir/hidden-train.arff" -o "$dir/codes-train.arff" \
    -r "$dir/hidden-test.arff" -s "$dir/codes-test.arff"

  say "seed $seed: the convergence study (converged autoencoder and controls, study.json)"
  step "seed-$seed study" "$dir/study.txt" examples/weka.sh --package-class \
    weka.superposition.commands.StudyCommand "$dir" "$study_data" "$epochs2"
done
printf 'total\t%s\tn/a\n' "$((SECONDS - total_start))" >> "$timings"
rm -f "$out/.rss"

examples/weka.sh --package-class weka.superposition.commands.ExperimentReportCommand "$out"
say "done in $((SECONDS - total_start)) s: $out/REPORT.md"
