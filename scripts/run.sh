#!/usr/bin/env bash
# Installs what is missing, builds, and starts Atalaya on the embedded SQLite database, with
# demo data on first use. Without a display, renders every page to PNG and prints the
# overview JSON instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
"$root/scripts/bootstrap.sh"
"$root/scripts/build.sh"
cli="$build/app/cli/atalaya-cli"
if "$cli" stats --days 3650 | grep -q '"total_decisions":0,'; then
  echo "run: first start, loading demo data into the embedded database" >&2
  "$cli" demo >/dev/null
fi
exec "$build/app/atalaya/atalaya" "$@"
