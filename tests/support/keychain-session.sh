#!/usr/bin/env bash
# Runs a command against a real Secret Service (docs/DEVELOPMENT.md §Platform facts): a
# private D-Bus session bus with gnome-keyring-daemon (secrets only, unlocked with a throwaway
# password, its files in a temp home). The daemon and the temp home go when the command ends,
# whatever its result; the bus goes with dbus-run-session.
set -euo pipefail
if [ -z "${ATALAYA_KEYRING_SESSION:-}" ]; then
  export ATALAYA_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
home=$(mktemp -d)
daemon=
cleanup() {
  if [ -n "$daemon" ]; then
    kill "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
  fi
  rm -rf "$home"
}
trap cleanup EXIT
mkdir -m 700 -p "$home/run" "$home/data" "$home/config"
export HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
printf 'throwaway-keyring-password' | gnome-keyring-daemon --foreground --unlock --components=secrets >"$home/daemon.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
       org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  sleep 0.05
done
"$@"
