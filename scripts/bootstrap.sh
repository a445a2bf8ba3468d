#!/usr/bin/env bash
# Installs the Debian packages Atalaya needs to build, run and test, if any is missing.
# Idempotent and quick when everything is there. Needs root (or sudo) on Debian 12.
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache pkg-config git
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools
  libqt6sql6-mysql libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6
  qtkeychain-qt6-dev libdlib-dev libjpeg-dev libblas-dev liblapack-dev
  mariadb-server mariadb-client libmariadb-dev galera-4 rsync
  python3 python3-websockets python3-sklearn python3-pymysql
  clang libclang-rt-14-dev
  poppler-utils fonts-dejavu-core prometheus
  dbus dbus-x11 gnome-keyring libsecret-1-0
  dpkg-dev file openssl help2man groff-base appstream
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "bootstrap: installing ${#missing[@]} missing package(s): ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: run as root or install sudo to add: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
