#!/usr/bin/env bash
# Outage benchmark (issue 15): starts a throwaway MariaDB, runs bench/outage_bench (verdicts
# through the review page's write path and the pages' reads, with the window's connection
# watcher), kills the server with SIGKILL while verdicts are being given, keeps it down for a
# few seconds, and starts it again on the same datadir and port. outage_bench measures from
# the server accepting connections to every read working and the outbox empty, then counts
# lost and duplicated verdicts in the database.
# Progress on stderr; the last stdout line is
#   {"recovery_s":S,"outbox_delivered":N,"lost":0,"duplicated":0}
#   bash scripts/bench-outage.sh [--verdicts N] [--down S]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
verdicts=300
down=4
while [ $# -gt 0 ]; do
  case "$1" in
    --verdicts) verdicts=${2:?--verdicts N}; shift 2 ;;
    --down) down=${2:?--down S}; shift 2 ;;
    *) echo "error: unknown option $1; usage: $0 [--verdicts N] [--down S]" >&2; exit 2 ;;
  esac
done
case "$verdicts$down" in ''|*[!0-9]*) echo "error: --verdicts and --down take whole numbers" >&2; exit 2 ;; esac
log() { echo "[bench-outage $(date -u +%H:%M:%S)] $*" >&2; }

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j 2 --target outage_bench atalaya-cli >/dev/null
cli="$build/app/cli/atalaya-cli"
bench="$build/bench/outage_bench"

fixture="$root/tests/support/mariadb-fixture.sh"
work=$(mktemp -d /tmp/atalaya-outage.XXXXXX)
dir="$work/db"
bench_pid=
cleanup() {
  [ -n "$bench_pid" ] && kill "$bench_pid" 2>/dev/null || true
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

# The bench's outbox goes under the work folder, not the user's configuration.
XDG_CONFIG_HOME="$work/config" "$bench" --db "$url" --verdicts "$verdicts" >"$work/result" &
bench_pid=$!
# Seeding and the first verdicts: the server dies while verdicts are being given.
sleep 4
log "SIGKILL to mariadbd $(cat "$PID_FILE")"
kill -9 "$(cat "$PID_FILE")"
sleep "$down"
log "starting mariadbd again on port $PORT"
mariadbd --no-defaults --user=root --datadir="$DATADIR" --socket="$SOCKET" --port="$PORT" \
  --bind-address=127.0.0.1 --pid-file="$PID_FILE" --log-error="$dir/error.log" --tmpdir="$dir/tmp" \
  --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 --skip-name-resolve \
  --max-connections=500 >/dev/null 2>&1 &
status=0
wait "$bench_pid" || status=$?
bench_pid=
tail -n 1 "$work/result"
exit "$status"
