#!/bin/sh
# Deployment-risk model vs scikit-learn's seed forest on histories the model was not tuned on
# (issue 16 §1): bench/risk_processes.py generates 7 processes × 4 training sizes (300, 1 000,
# 3 000, 10 000 cycles; several draws at the small sizes) with a 5 000-cycle held-out set each;
# our trainer (bench/risk_bench --from-csv, settings searched by CV) and the seed's
# RandomForestClassifier (class_weight="balanced") train on the same rows and are scored on
# the same held-out rows. Prints the table of mean held-out ROC AUC per cell and the gaps.
#   BUILD=build bench/risk_processes.sh [OUT_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${BUILD:-$here/../build}
py=/usr/bin/python3  # Debian's python3-sklearn (docs/DEVELOPMENT.md §Platform facts)
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/atalaya-risk-processes.XXXXXX")}
[ -x "$build/bench/risk_bench" ] || ninja -C "$build" risk_bench
mkdir -p "$out/data"
[ -n "$(ls "$out/data")" ] || "$py" "$here/risk_processes.py" generate "$out/data"
[ -s "$out/sklearn.jsonl" ] || "$py" "$here/risk_sklearn.py" --processes "$out/data" 2 > "$out/sklearn.jsonl"
: > "$out/ours.jsonl"
for f in "$out"/data/*.csv; do
    "$build/bench/risk_bench" --from-csv "$f" >> "$out/ours.jsonl"
done
"$py" "$here/risk_processes.py" table "$out/ours.jsonl" "$out/sklearn.jsonl"
