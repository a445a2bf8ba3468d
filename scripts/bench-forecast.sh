#!/usr/bin/env bash
# Capacity forecast accuracy (issue 17 §4): replays histories in memory with bench/forecast_bench
# (the demo generator with its team's verdict timing, and a bursty history worked by two
# reviewers on weekdays), forecasts each week from the four before it and prints, per priority,
# the mean actual and predicted SLA breaches of the next 24 h and 7 days, their MAE and the MAE
# relative to the actual mean, as one JSON document on stdout.
#   bash scripts/bench-forecast.sh [--weeks N] [--seeds S] [--scenario demo|bursty|both] [--verbose]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j 2 --target forecast_bench >/dev/null
exec "$build/bench/forecast_bench" "$@"
