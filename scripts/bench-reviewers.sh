#!/usr/bin/env bash
# Many reviewers against one server (issue 19 §1): starts a throwaway MariaDB, initialises a
# database and runs bench/reviewers_bench (N reviewer sessions on the review page's core code,
# the live feed through `atalaya-cli record --jsonl`, another system's plain-SQL verdicts,
# injected conflicts; lost and duplicated verdicts, queue counts and rollups checked after).
# Progress on stderr; the last stdout line is
#   {"sessions":N,"verdicts":V,"p95_next_ms":X,"conflicts_injected":C,"conflicts_detected":D,"lost":0,"duplicated":0}
#   bash scripts/bench-reviewers.sh [--sessions N] [--seconds S] [--think-ms MS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
sessions=50
seconds=60
think=500
while [ $# -gt 0 ]; do
  case "$1" in
    --sessions) sessions=${2:?--sessions N}; shift 2 ;;
    --seconds) seconds=${2:?--seconds S}; shift 2 ;;
    --think-ms) think=${2:?--think-ms MS}; shift 2 ;;
    *) echo "error: unknown option $1; usage: $0 [--sessions N] [--seconds S] [--think-ms MS]" >&2; exit 2 ;;
  esac
done
case "$sessions$seconds$think" in ''|*[!0-9]*) echo "error: --sessions, --seconds and --think-ms take whole numbers" >&2; exit 2 ;; esac

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j 2 --target reviewers_bench atalaya-cli >/dev/null
cli="$build/app/cli/atalaya-cli"

fixture="$root/tests/support/mariadb-fixture.sh"
work=$(mktemp -d /tmp/atalaya-reviewers.XXXXXX)
dir="$work/db"
cleanup() {
  "$fixture" stop "$dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"$fixture" start "$dir" >&2
# shellcheck disable=SC1091
. "$dir/info.env"
mariadb --no-defaults --socket="$SOCKET" -uroot -e "CREATE DATABASE bench CHARACTER SET utf8mb4"
url="mysql://$USER@127.0.0.1:$PORT/bench"
export ATALAYA_DB_PASSWORD="$PASSWORD"
"$cli" --db "$url" init >/dev/null
echo "[bench-reviewers] load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

status=0
XDG_CONFIG_HOME="$work/config" "$build/bench/reviewers_bench" --db "$url" --cli "$cli" --sessions "$sessions" \
  --seconds "$seconds" --think-ms "$think" >"$work/result" || status=$?
echo "[bench-reviewers] load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
tail -n 1 "$work/result"
exit "$status"
