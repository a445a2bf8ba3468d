#!/usr/bin/env bash
# Installs what is missing, builds what it runs (the app and the CLI; scripts/test.sh builds the
# tests), and starts Atalaya on the embedded SQLite database, with demo data on first use.
# Without a display, renders every page to PNG and prints the overview JSON instead. Unless ATALAYA_CHAT_URL is set, a demo chat feed
# (`atalaya-cli chat serve-demo`) runs on a free loopback port while the app is open.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ATALAYA_BUILD_DIR:-$root/build}
"$root/scripts/bootstrap.sh"
"$root/scripts/build.sh" atalaya atalaya-cli
cli="$build/app/cli/atalaya-cli"
# A fresh machine has no tables yet: create them, then load demo data when empty.
"$cli" init >/dev/null
if "$cli" stats --days 3650 | grep -q '"total_decisions":0,'; then
  echo "run: first start, loading demo data into the embedded database" >&2
  "$cli" demo >/dev/null
fi
if [ -z "${ATALAYA_CHAT_URL:-}" ]; then
  feed_info=$(mktemp)
  "$cli" chat serve-demo --port 0 --rate 6 >"$feed_info" &
  feed_pid=$!
  trap 'kill "$feed_pid" 2>/dev/null || true; rm -f "$feed_info"' EXIT
  for _ in $(seq 50); do
    [ -s "$feed_info" ] && break
    sleep 0.1
  done
  url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$feed_info")
  if [ -n "$url" ]; then
    export ATALAYA_CHAT_URL="$url"
    echo "run: demo chat feed on $url" >&2
  else
    echo "run: the demo chat feed did not start; the chat page will show it as not configured" >&2
  fi
fi
"$build/app/atalaya/atalaya" "$@"
