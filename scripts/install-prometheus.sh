#!/usr/bin/env bash
# Installs promtool, prometheus and alertmanager (from Debian's `prometheus` and
# `prometheus-alertmanager` packages) into .tools/bin: promtool checks and unit-tests the alert rules,
# prometheus + alertmanager run the end-to-end alert test (test/observability/alerts-e2e.test.ts).
# Only the binaries are extracted from the .debs (`apt-get download` + `dpkg -x`): no service is
# installed or started. Idempotent: returns at once when the pinned versions are present.
#   bash scripts/install-prometheus.sh      prints the folder holding the three binaries on stdout
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="${MRV_TOOLS_DIR:-$root/.tools}/bin"
stamp="$bin/.prometheus-debian"

fail() { echo "install-prometheus: $*" >&2; exit 3; }

# Debian's alertmanager reads its notification templates from this compiled-in path (no flag moves it).
templates=/usr/share/prometheus/alertmanager
if [ -x "$bin/promtool" ] && [ -x "$bin/prometheus" ] && [ -x "$bin/alertmanager" ] && [ -f "$stamp" ] \
  && [ -f "$templates/default.tmpl" ]; then
  echo "$bin"; exit 0
fi
command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1 \
  || fail "needs a Debian-based system (apt-get, dpkg) to fetch the prometheus packages; or put promtool, prometheus and alertmanager into $bin and touch $stamp"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# apt's sandbox user must be able to write the download folder.
chmod 0777 "$work"
packages=(prometheus prometheus-alertmanager)
download() { (cd "$work" && apt-get download -q "${packages[@]}" >"$work/apt.log" 2>&1); }
if ! download; then
  echo "install-prometheus: refreshing the package lists (apt-get update)" >&2
  apt-get update -q >"$work/update.log" 2>&1 || { cat "$work/update.log" >&2; fail "apt-get update failed"; }
  download || { cat "$work/apt.log" >&2; fail "apt-get download ${packages[*]} failed"; }
fi
for deb in "$work"/prometheus_*.deb "$work"/prometheus-alertmanager_*.deb; do
  [ -f "$deb" ] || fail "apt-get download left no $(basename "$deb")"
  dpkg -x "$deb" "$work/x"
done
mkdir -p "$bin"
for pair in promtool:promtool prometheus:prometheus alertmanager:prometheus-alertmanager; do
  name=${pair%%:*} from=${pair#*:}
  [ -x "$work/x/usr/bin/$from" ] || fail "the packages have no usr/bin/$from"
  install -m 0755 "$work/x/usr/bin/$from" "$bin/$name"
  "$bin/$name" --version >/dev/null 2>&1 || fail "the extracted $name does not run on this machine"
done
if [ ! -f "$templates/default.tmpl" ]; then
  mkdir -p "$templates" 2>/dev/null && install -m 0644 "$work/x$templates"/*.tmpl "$templates/" 2>/dev/null \
    || fail "alertmanager needs its templates in $templates (run this script once as root, or copy them from the prometheus-alertmanager package)"
fi
rm -f "$bin"/.promtool-* "$stamp"
(cd "$work" && ls ./*.deb | xargs -n1 basename) >"$stamp"
echo "install-prometheus: installed $(tr '\n' ' ' <"$stamp")into $bin" >&2
echo "$bin"
