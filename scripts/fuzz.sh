#!/usr/bin/env bash
# Builds every fuzz target and fuzzes each for a while (default 60 s), one after the other,
# under ASan (leaks included) and UBSan; prints executions, exec/s and corpus size per target.
# The tests only replay the committed corpus; this is the long run. New inputs go to
# build/tests/fuzz/NAME-corpus, a crashing input to build/tests/fuzz/NAME-crash-…; copy an
# input worth keeping into the target's tests/fuzz/corpus/ folder. Needs clang (libFuzzer).
#   scripts/fuzz.sh [--seconds N] [NAME…]        (ATALAYA_BUILD_DIR picks the build tree)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
seconds=60
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --seconds=*) seconds=${1#--seconds=}; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option $1; use --seconds N and target names" >&2; exit 2 ;;
    *) only+=("$1"); shift ;;
  esac
done
case "$seconds" in
  ''|*[!0-9]*) echo "error: --seconds is '$seconds'; give a whole number of seconds" >&2; exit 2 ;;
esac

"$root/scripts/bootstrap.sh"
export CCACHE_BASEDIR=$root
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
list=$build/tests/fuzz/fuzz-targets.txt
if [ ! -f "$list" ]; then
  echo "error: $list is missing: the fuzz targets need clang++ (scripts/bootstrap.sh installs it)" >&2
  exit 1
fi

failed=()
ran=0
while IFS=$'\t' read -r name exe corpus; do
  [ -n "$name" ] || continue
  if [ ${#only[@]} -gt 0 ] && [[ ! " ${only[*]} " == *" $name "* ]]; then
    continue
  fi
  cmake --build "$build" --target "$name" -j 2 >/dev/null </dev/null
  found=$build/tests/fuzz/$name-corpus
  mkdir -p "$found"
  echo "fuzz: $name for $seconds s" >&2
  # The first folder receives new inputs; the committed corpus is only read.
  log=$build/tests/fuzz/$name.log
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$exe" -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 -artifact_prefix="$build/tests/fuzz/$name-" \
       "$found" "$corpus" 2>"$log" </dev/null; then
    result="no failure"
  else
    tail -n 30 "$log" >&2
    failed+=("$name")
    result="FAILED (see $log)"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  added=$(sed -n 's/^stat::new_units_added: *//p' "$log")
  kept=$(find "$found" "$corpus" -type f | wc -l)
  echo "fuzz: $name: ${runs:-?} executions, ${rate:-?} exec/s, ${added:-?} new inputs, corpus $kept, $result" >&2
  ran=$((ran + 1))
done <"$list"

if [ "$ran" -eq 0 ]; then
  echo "error: no fuzz target matched '${only[*]}'; the targets are: $(cut -f1 "$list" | tr '\n' ' ')" >&2
  exit 2
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "error: ${failed[*]} found a failing input (logs and crash-… files in $build/tests/fuzz/)" >&2
  exit 1
fi
echo "fuzz: $ran target(s), $seconds s each, no failure" >&2
