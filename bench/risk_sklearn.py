"""scikit-learn side of bench/risk_vs_sklearn.sh: the risk seed's RandomForestClassifier on the
split that bench/risk_bench wrote (same rows, same normalised features), as JSON. With
--processes DIR (bench/risk_processes.sh): the same forest on the train rows of every
bench/risk_processes.py file, its held-out ROC AUC one JSON line per file."""
import json
import os
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import brier_score_loss, f1_score, roc_auc_score


def seed_forest(jobs):
    return RandomForestClassifier(n_estimators=100, max_depth=10, min_samples_split=5, min_samples_leaf=2,
                                  random_state=42, class_weight="balanced", n_jobs=jobs)


def processes(directory, jobs):
    from risk_processes import FEATURES, normalize
    for file in sorted(f for f in os.listdir(directory) if f.endswith(".csv")):
        data = np.genfromtxt(os.path.join(directory, file), delimiter=",", names=True, dtype=None, encoding="utf-8")
        x = normalize(np.column_stack([data[n].astype(float) for n in FEATURES]))
        y = data["label"].astype(int)
        val = data["split"] == "val"
        model = seed_forest(jobs).fit(x[~val], y[~val])
        print(json.dumps({"file": file, "roc_auc": roc_auc_score(y[val], model.predict_proba(x[val])[:, 1]),
                          "truth_auc": roc_auc_score(y[val], data["truth"][val].astype(float)),
                          "failure_rate": float(y[~val].mean())}), flush=True)


def main(path, jobs):
    data = np.genfromtxt(path, delimiter=",", names=True, dtype=None, encoding="utf-8")
    names = list(data.dtype.names[:10])
    x = np.column_stack([data[n].astype(float) for n in names])
    y = data["label"].astype(int)
    val = data["split"] == "val"
    model = seed_forest(jobs)
    start, cpu = time.perf_counter(), time.process_time()
    model.fit(x[~val], y[~val])
    train_seconds, train_cpu = time.perf_counter() - start, time.process_time() - cpu
    score = model.predict_proba(x[val])[:, 1]
    pi = y[~val].mean()
    # class_weight="balanced" scores live on a balanced prior: correct them to π like ours.
    prob = score * pi / (score * pi + (1 - score) * (1 - pi))
    model.set_params(n_jobs=1)  # one row: thread start-up would dominate
    single = []
    for row in x[val][:200]:
        t = time.perf_counter()
        model.predict_proba(row.reshape(1, -1))
        single.append((time.perf_counter() - t) * 1e6)
    print(json.dumps({
        "cycles": int(len(y)), "train_seconds": train_seconds, "train_cpu_seconds": train_cpu, "n_jobs": jobs,
        "roc_auc": roc_auc_score(y[val], score),
        "f1_at_0_5": f1_score(y[val], (score > 0.5).astype(int)),
        "brier_failure_probability": brier_score_loss(y[val], prob),
        "brier_raw_score": brier_score_loss(y[val], score),
        "truth_auc_validation": roc_auc_score(y[val], data["truth"][val].astype(float)),
        "predict_us_p50": float(np.percentile(single, 50)), "predict_us_p99": float(np.percentile(single, 99)),
    }))


if __name__ == "__main__":
    if sys.argv[1] == "--processes":
        processes(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2)
    else:
        main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2)
