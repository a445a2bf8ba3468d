#!/usr/bin/env bash
# Failover benchmark (issue 19 §3, docs/DEPLOYMENTS.md §Galera cluster): starts a throwaway
# 3-node MariaDB Galera cluster on loopback (tests/support/galera-fixture.sh), initialises a
# database through the node list URL, and runs bench/failover_bench, which gives verdicts
# through the review page's write path and SIGKILLs node 1 — the node it writes to — right
# after one of them. It measures the time without service and counts lost and duplicated
# verdicts and the exactness of rollups and queue counts on each surviving node.
# Progress on stderr; the last stdout line is
#   {"nodes":3,"verdicts":V,"lost":0,"duplicated":0,"outage_s":S,"rollups_exact":true}
#   bash scripts/bench-failover.sh [--verdicts N] [--kill-after K]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
verdicts=300
kill_after=100
while [ $# -gt 0 ]; do
  case "$1" in
    --verdicts) verdicts=${2:?--verdicts N}; shift 2 ;;
    --kill-after) kill_after=${2:?--kill-after K}; shift 2 ;;
    *) echo "error: unknown option $1; usage: $0 [--verdicts N] [--kill-after K]" >&2; exit 2 ;;
  esac
done
case "$verdicts$kill_after" in ''|*[!0-9]*) echo "error: --verdicts and --kill-after take whole numbers" >&2; exit 2 ;; esac
[ "$kill_after" -lt "$verdicts" ] || { echo "error: --kill-after must be below --verdicts" >&2; exit 2; }
log() { echo "[bench-failover $(date -u +%H:%M:%S)] $*" >&2; }

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j 2 --target failover_bench atalaya-cli >/dev/null
cli="$build/app/cli/atalaya-cli"
bench="$build/bench/failover_bench"

fixture="$root/tests/support/galera-fixture.sh"
work=$(mktemp -d /tmp/atalaya-failover.XXXXXX)
# The nodes run as the mysql user, which must reach their folders.
chmod 755 "$work"
dir="$work/cluster"
cleanup() {
  "$fixture" stop "$dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
log "starting a 3-node Galera cluster"
"$fixture" start "$dir" >&2
# shellcheck disable=SC1091
. "$dir/info.env"
if [ -n "${MISSING:-}" ]; then
  echo "error: the Galera cluster needs the Debian package(s) $MISSING; run scripts/bootstrap.sh" >&2
  exit 1
fi
mariadb --no-defaults --socket="$SOCKET1" -uroot -e "CREATE DATABASE bench CHARACTER SET utf8mb4"
url="mysql://$USER@$NODES/bench"
export ATALAYA_DB_PASSWORD="$PASSWORD"
"$cli" --db "$url" init >/dev/null

# The bench's outbox goes under the work folder, not the user's configuration.
XDG_CONFIG_HOME="$work/config" "$bench" --db "$url" --kill-pid-file "$PID_FILE1" \
  --verdicts "$verdicts" --kill-after "$kill_after" >"$work/result" || status=$?
tail -n 1 "$work/result"
exit "${status:-0}"
