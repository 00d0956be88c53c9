#!/usr/bin/env bash
# Installs promtool (from Debian's `prometheus` package) into .tools/bin for checking and unit-testing
# the alert rules. Only the binary is extracted from the .deb (`apt-get download` + `dpkg -x`): no
# service is installed or started. Idempotent: returns at once when the pinned version is present.
#   bash scripts/install-promtool.sh      prints the path of promtool on stdout
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.tools/bin"
stamp="$bin/.promtool-debian"

fail() { echo "install-promtool: $*" >&2; exit 3; }

if [ -x "$bin/promtool" ] && [ -f "$stamp" ]; then echo "$bin/promtool"; exit 0; fi
# A promtool the machine already has (e.g. a developer's package manager) is good enough.
if [ -z "${MRV_PROMTOOL_FORCE_INSTALL:-}" ] && command -v promtool >/dev/null 2>&1; then command -v promtool; exit 0; fi

command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1 \
  || fail "needs a Debian-based system (apt-get, dpkg) to fetch the 'prometheus' package; or put promtool at $bin/promtool and touch $stamp"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# apt's sandbox user must be able to write the download folder.
chmod 0777 "$work"
download() { (cd "$work" && apt-get download -q prometheus >"$work/apt.log" 2>&1); }
if ! download; then
  echo "install-promtool: refreshing the package lists (apt-get update)" >&2
  apt-get update -q >"$work/update.log" 2>&1 || { cat "$work/update.log" >&2; fail "apt-get update failed"; }
  download || { cat "$work/apt.log" >&2; fail "apt-get download prometheus failed"; }
fi
deb=$(ls "$work"/prometheus_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "apt-get download left no prometheus_*.deb"
dpkg -x "$deb" "$work/x"
[ -x "$work/x/usr/bin/promtool" ] || fail "the prometheus package has no usr/bin/promtool"
mkdir -p "$bin"
install -m 0755 "$work/x/usr/bin/promtool" "$bin/promtool"
"$bin/promtool" --version >/dev/null 2>&1 || fail "the extracted promtool does not run on this machine"
rm -f "$bin"/.promtool-*
basename "$deb" >"$stamp"
echo "install-promtool: installed $(basename "$deb" .deb) promtool into $bin" >&2
echo "$bin/promtool"
