#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite: unit, SQLite and MariaDB
# (a throwaway server the CTest fixture starts on loopback), GUI (offscreen) and fuzz tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
start=$(date +%s)
"$root/scripts/bootstrap.sh"
"$root/scripts/build.sh"
cd "$build"
ctest --output-on-failure -j "$(nproc)" --timeout 900
echo "test: build + tests took $(( $(date +%s) - start )) s" >&2
