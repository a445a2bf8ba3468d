#!/usr/bin/env bash
# `init` on an existing large table while another application keeps writing (issue 14 §2):
# starts a throwaway MariaDB, makes ai_telemetry as another application would (seed schema, no
# Atalaya tables or triggers), loads N decisions (default 10,000,000; bench_scale gen-tsv),
# then runs `atalaya-cli init --rebuild-rollups` while a writer of its own connection inserts
# one row every 20 ms and times each INSERT. Checks that the rollups and queue counts then
# equal a recount of the raw rows, writer rows included. Progress on stderr; the last stdout
# line is {"rows":N,"seconds":S,"max_writer_stall_ms":X,"writer_rows":W,"writer_failures":F}.
#   bash scripts/bench-init.sh [--rows N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
rows=10000000
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=${2:?--rows N}; shift 2 ;;
    *) echo "error: unknown option $1; usage: $0 [--rows N]" >&2; exit 2 ;;
  esac
done
case "$rows" in ''|*[!0-9]*) echo "error: --rows must be a positive integer" >&2; exit 2 ;; esac
if [ "$rows" -ge 5000000 ]; then pool=4G; else pool=1G; fi
log() { echo "[bench-init $(date -u +%H:%M:%S)] $*" >&2; }

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j 2 --target bench_scale bench_init_writer atalaya-cli >/dev/null
cli="$build/app/cli/atalaya-cli"
bench="$build/bench/bench_scale"
writer="$build/bench/bench_init_writer"

fixture="$root/tests/support/mariadb-fixture.sh"
work=$(mktemp -d /tmp/atalaya-init.XXXXXX)
dir="$work/db"
writer_pid=
cleanup() {
  [ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null || true
  "$fixture" stop "$dir" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/tmp"
TMPDIR="$work/tmp" ATALAYA_MARIADB_BUFFER_POOL=${ATALAYA_MARIADB_BUFFER_POOL:-$pool} "$fixture" start "$dir" >&2
# shellcheck disable=SC1091
. "$dir/info.env"
root_sql() { mariadb --no-defaults --socket="$SOCKET" -uroot bench "$@"; }
mariadb --no-defaults --socket="$SOCKET" -uroot -e "CREATE DATABASE bench CHARACTER SET utf8mb4"
url="mysql://$USER@127.0.0.1:$PORT/bench"
export ATALAYA_DB_PASSWORD="$PASSWORD"

log "ai_telemetry as another application made it (seed schema; init never run)"
root_sql -e "CREATE TABLE ai_telemetry (id BIGINT AUTO_INCREMENT PRIMARY KEY, agent_id VARCHAR(100) NOT NULL,
  task_type VARCHAR(50) NOT NULL, decision_made JSON NOT NULL, confidence_score DECIMAL(5,4) NOT NULL,
  human_feedback VARCHAR(20) NULL, accuracy DECIMAL(5,4) NULL, execution_time_ms INT NOT NULL,
  metadata JSON NOT NULL, created_at DATETIME(6) NOT NULL, INDEX idx_agent_id (agent_id),
  INDEX idx_task_type (task_type), INDEX idx_created_at (created_at), INDEX idx_human_feedback (human_feedback))
  ENGINE=InnoDB"
log "generating and loading $rows rows"
"$bench" gen-tsv "$rows" "$work/rows.tsv"
root_sql -e "LOAD DATA INFILE '$work/rows.tsv' INTO TABLE ai_telemetry
  (agent_id, task_type, decision_made, confidence_score, human_feedback, accuracy, execution_time_ms, metadata, created_at)"
rm -f "$work/rows.tsv"

log "writer: one INSERT every 20 ms from another connection"
"$writer" 127.0.0.1 "$PORT" "$USER" bench "$work/stop" >"$work/writer.json" 2>"$work/writer.log" &
writer_pid=$!
sleep 1

log "init --rebuild-rollups"
t0=$(date +%s.%N)
"$cli" --db "$url" init --rebuild-rollups 2>&1 >/dev/null | while IFS= read -r line; do log "$line"; done
t1=$(date +%s.%N)
seconds=$(printf "%.1f" "$(echo "$t1 - $t0" | bc)")
log "built in $seconds s"
sleep 1
touch "$work/stop"
wait "$writer_pid"
writer_pid=
head -n 20 "$work/writer.log" >&2

# The writer's rows were counted by the triggers, the rest by the chunks: together exactly
# the table, once each.
log "checking the rollups and queue counts against the raw rows"
check=$(root_sql -N -e "SELECT (SELECT COUNT(*) FROM ai_telemetry) - (SELECT SUM(n) + SUM(dq_excluded) FROM atalaya_rollup_hour),
  (SELECT COUNT(*) FROM ai_telemetry) - (SELECT SUM(n) + SUM(dq_excluded) FROM atalaya_rollup_day),
  (SELECT value FROM atalaya_rollup_state WHERE name = 'ready')")
read -r hour_diff day_diff ready <<<"$check"
if [ "$hour_diff" != 0 ] || [ "$day_diff" != 0 ] || [ "$ready" != 1 ]; then
  echo "error: the rollups do not match the raw rows (hour diff $hour_diff, day diff $day_diff, ready $ready)" >&2
  exit 1
fi

jq -c --argjson rows "$rows" --argjson seconds "$seconds" \
  '{rows: $rows, seconds: $seconds, max_writer_stall_ms: .max_writer_stall_ms, writer_rows: .writer_rows,
    writer_failures: .writer_failures}' "$work/writer.json"
