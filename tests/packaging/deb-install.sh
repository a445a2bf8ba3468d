#!/usr/bin/env bash
# Builds the .deb from a Release tree, installs it into this machine with apt-get, runs what it
# installed from /usr/bin and checks the man pages, metainfo, desktop entry and docs; removes the
# package again at the end (also on failure). Needs root and Debian 12; exits 77 (skipped)
# without root.
#   tests/packaging/deb-install.sh [RELEASE_BUILD_DIR]   (default: build-release)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-${ATALAYA_RELEASE_BUILD_DIR:-$root/build-release}}
app_id=io.github.atalaya.atalaya
work=$(mktemp -d)
installed_here=0

fail() { echo "error: $*" >&2; exit 1; }
phase() { echo "package-test: $1 ($(( $(date +%s) - start )) s so far)" >&2; }
cleanup() {
  if [ "$installed_here" -eq 1 ]; then
    apt-get purge -y -qq -o DPkg::Lock::Timeout=300 atalaya >/dev/null 2>&1 \
      || echo "warning: could not remove the atalaya package (apt-get purge atalaya)" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT
start=$(date +%s)

if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: run as root, the test installs the package with apt-get" >&2
  exit 77
fi
if dpkg-query -W -f='${Status}' atalaya 2>/dev/null | grep -q "install ok installed"; then
  fail "a package named atalaya is already installed; remove it first (apt-get remove atalaya) so this test does not replace it"
fi

export CCACHE_BASEDIR=$root
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DATALAYA_BUILD_TESTS=OFF -DATALAYA_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j "$(nproc)" >/dev/null
phase "Release tree built"
rm -f "$build"/atalaya_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/atalaya_*.deb)
phase "packed $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

[ "$(dpkg-deb -f "$deb" Section)" = utils ] || fail "Section is '$(dpkg-deb -f "$deb" Section)', not utils"
echo "package-test: Installed-Size $(dpkg-deb -f "$deb" Installed-Size) KiB" >&2

installed_here=1
(cd "$(dirname "$deb")" && DEBIAN_FRONTEND=noninteractive \
   apt-get install -y -qq -o DPkg::Lock::Timeout=300 "./$(basename "$deb")" >/dev/null)
phase "installed"

for bin in atalaya atalaya-cli; do
  [ -x /usr/bin/$bin ] || fail "/usr/bin/$bin is not installed"
  file -L /usr/bin/$bin | grep -q ', stripped' || fail "/usr/bin/$bin is not stripped: $(file -L /usr/bin/$bin)"
done
version=$(sed -n 's/^project(Atalaya VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ "$(/usr/bin/atalaya-cli --version)" = "atalaya-cli $version" ] \
  || fail "atalaya-cli --version says '$(/usr/bin/atalaya-cli --version)', expected 'atalaya-cli $version'"
(cd "$work" && /usr/bin/atalaya-cli --db "sqlite:$work/x.db" init >"$work/init.json") \
  || fail "atalaya-cli init on SQLite failed: $(cat "$work/init.json")"
(cd "$work" && /usr/bin/atalaya-cli --db "sqlite:$work/x.db" stats --days 7 >"$work/stats.json") \
  || fail "atalaya-cli stats on the new database failed"
grep -q '"total_decisions":0' "$work/stats.json" || fail "stats on the new, empty database does not say 0 decisions: $(head -c 300 "$work/stats.json")"
# The GUI from /usr/bin draws a page offscreen: the Qt plugins the package depends on are there.
(cd "$work" && HOME=$work QT_QPA_PLATFORM=offscreen /usr/bin/atalaya --db "sqlite:$work/x.db" \
   --screenshot "$work/overview.png" --page overview >/dev/null 2>"$work/gui.log") \
  || fail "the installed atalaya could not render a page: $(tail -3 "$work/gui.log")"
[ -s "$work/overview.png" ] || fail "the installed atalaya wrote no screenshot"
phase "ran the installed binaries"

for bin in atalaya atalaya-cli; do
  page=/usr/share/man/man1/$bin.1.gz
  [ -f "$page" ] || fail "$page is missing"
  zcat "$page" | grep -qi "^\.TH \"\?$bin" || fail "$page has no .TH header for $bin"
  zcat "$page" | grep -qF -- '\-\-db' || fail "$page does not document --db"
done
appstreamcli validate --pedantic --no-net /usr/share/metainfo/$app_id.metainfo.xml >&2 \
  || fail "the installed metainfo does not pass appstreamcli validate --pedantic"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" /usr/share/metainfo/$app_id.metainfo.xml \
  || fail "the metainfo does not launch $app_id.desktop"
grep -qx "Icon=$app_id" /usr/share/applications/$app_id.desktop || fail "$app_id.desktop is missing or names another icon"
[ -f /usr/share/icons/hicolor/scalable/apps/$app_id.svg ] || fail "the icon $app_id.svg is missing"
grep -q '^License: MIT' /usr/share/doc/atalaya/copyright || fail "/usr/share/doc/atalaya/copyright is missing or not MIT"
zcat /usr/share/doc/atalaya/changelog.Debian.gz | head -1 | grep -q "^atalaya ($version)" \
  || fail "changelog.Debian.gz does not start with version $version"
phase "man pages, metainfo, desktop entry, copyright and changelog checked"
echo "package-test: ok in $(( $(date +%s) - start )) s" >&2
