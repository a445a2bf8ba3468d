#!/bin/sh
# Deployment-risk model vs scikit-learn's seed forest (issue 6 "comparison"): the same
# synthetic history (known nonlinear truth, ~15 % failures), the same stratified 80/20 split
# (seed 42), the same normalised features. Prints held-out ROC AUC, F1 at 0.5 and Brier side
# by side, then train time at 100 k cycles and our predict/Shapley latency.
#   BUILD=build bench/risk_vs_sklearn.sh [CYCLES=10000] [BIG=100000]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${BUILD:-$here/../build}
cycles=${1:-10000}
big=${2:-100000}
out=$(mktemp -d "${TMPDIR:-/tmp}/atalaya-risk-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT
[ -x "$build/bench/risk_bench" ] || ninja -C "$build" risk_bench
# Debian's python3-sklearn is only importable by the system interpreter (docs/DEVELOPMENT.md §Platform facts).
py=/usr/bin/python3

for n in "$cycles" "$big"; do
    "$build/bench/risk_bench" --cycles "$n" --csv "$out/$n.csv" > "$out/ours-$n.json"
    "$py" "$here/risk_sklearn.py" "$out/$n.csv" 2 > "$out/sklearn-$n.json"
done

"$py" - "$out" "$cycles" "$big" <<'PY'
import json, sys
out, small, big = sys.argv[1], sys.argv[2], sys.argv[3]
def load(who, n): return json.load(open(f"{out}/{who}-{n}.json"))
for n in (small, big):
    o, s = load("ours", n), load("sklearn", n)
    print(f"\n{n} cycles, failure rate {o['failure_rate']:.3f}, truth AUC on the validation split {o['truth_auc_validation']:.4f}")
    print(f"{'':28}{'atalaya (dlib)':>16}{'sklearn seed RF':>18}")
    for key, label in (("roc_auc", "held-out ROC AUC"), ("f1_at_0_5", "F1 at 0.5"),
                       ("brier_failure_probability", "Brier (prior-corrected)")):
        print(f"{label:28}{o[key]:16.4f}{s[key]:18.4f}")
    print(f"{'train wall s (2 cores)':28}{o['train_seconds']:16.2f}{s['train_seconds']:18.2f}")
    print(f"{'train CPU s':28}{o['train_cpu_seconds']:16.2f}{s['train_cpu_seconds']:18.2f}")
    print(f"{'predict one row p50 us':28}{o['predict_us_p50']:16.1f}{s['predict_us_p50']:18.1f}")
    print(f"{'predict one row p99 us':28}{o['predict_us_p99']:16.1f}{s['predict_us_p99']:18.1f}")
    print(f"{'Shapley ms p50 / p99 (wall)':28}{o['shapley_ms_p50']:9.2f} /{o['shapley_ms_p99']:6.2f}{'(none)':>18}")
    print(f"{'Shapley ms p50 / p99 (CPU)':28}{o['shapley_cpu_ms_p50']:9.2f} /{o['shapley_cpu_ms_p99']:6.2f}")
    print(f"{'forest':28}{o['leaves']:>9} leaves, {o['model_mb']:.2f} MB, min_samples_per_leaf {o['min_samples_per_leaf']}")
    print(f"{'AUC gap (ours - sklearn)':28}{o['roc_auc'] - s['roc_auc']:+16.4f}   target >= -0.01")
PY
