#!/usr/bin/env bash
# Foundation benchmark: starts a throwaway MariaDB server, fills it with N rows of demo
# decisions (seed schema, 120 days; default 1,000,000), adds Atalaya's covering index and
# prints the JSON of bench_cli_reads (record throughput, median ms of every CLI read).
#   bash scripts/bench-foundation.sh [--rows N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
rows=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=${2:?--rows N}; shift 2 ;;
    *) echo "error: unknown option $1; usage: $0 [--rows N]" >&2; exit 2 ;;
  esac
done
case "$rows" in ''|*[!0-9]*) echo "error: --rows must be a positive integer" >&2; exit 2 ;; esac

"$root/scripts/bootstrap.sh"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target bench_cli_reads atalaya-cli >/dev/null

fixture="$root/tests/support/mariadb-fixture.sh"
dir=$(mktemp -d /tmp/atalaya-bench.XXXXXX)
trap '"$fixture" stop "$dir" >/dev/null 2>&1; rm -rf "$dir"' EXIT
ATALAYA_MARIADB_BUFFER_POOL=${ATALAYA_MARIADB_BUFFER_POOL:-2G} "$fixture" start "$dir" >&2
# shellcheck disable=SC1091
. "$dir/info.env"
mariadb --no-defaults --socket="$SOCKET" -uroot -e "CREATE DATABASE IF NOT EXISTS bench CHARACTER SET utf8mb4"
ATALAYA_DB_PASSWORD="$PASSWORD" "$build/bench/bench_cli_reads" \
  --db "mysql://$USER@127.0.0.1:$PORT/bench" --rows "$rows"
