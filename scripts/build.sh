#!/usr/bin/env bash
# Configures (once) and builds Atalaya into build/ with Ninja and ccache: the given targets
# (e.g. `build.sh atalaya atalaya-cli`), or everything, tests and benches included.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
export CCACHE_BASEDIR=$root
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
targets=()
for t in "$@"; do
  targets+=(--target "$t")
done
cmake --build "$build" -j "$(nproc)" "${targets[@]}"
