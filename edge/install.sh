#!/usr/bin/env bash
# Installs the mrv-edge agent on a Linux gateway: the single-file binary, a systemd unit, and the
# configuration from a pairing code (or the QR payload). Run as root:
#
#   sudo ./install.sh ./mrv-edge-linux-arm64 'mrvgw1.org_….gw_….…' --api https://mrv.example.org
#   sudo ./install.sh ./mrv-edge-linux-x64 '{"v":1,"api_url":"…","pairing_code":"…"}'
#
# Options after the code are passed to `mrv-edge pair` (--api, --cert, --key, --ca).
# MRV_EDGE_PREFIX (default /) relocates every path (used by the test suite).
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 <mrv-edge binary> <pairing code | QR payload> [pair options]" >&2
  exit 2
fi
binary=$1
code=$2
shift 2
prefix=${MRV_EDGE_PREFIX:-}
bin_dir="$prefix/usr/local/bin"
data_dir="$prefix/var/lib/mrv-edge"
etc_dir="$prefix/etc/mrv-edge"
unit_dir="$prefix/etc/systemd/system"

if [[ -z "$prefix" && $EUID -ne 0 ]]; then
  echo "run as root (it installs a system service)" >&2
  exit 1
fi
[[ -x "$binary" ]] || { echo "$binary is not an executable" >&2; exit 1; }

install -d -m 0755 "$bin_dir" "$unit_dir"
install -d -m 0700 "$data_dir" "$etc_dir"
install -m 0755 "$binary" "$bin_dir/mrv-edge"

# The vault key lives apart from the data directory: a copied data directory alone opens nothing.
"$bin_dir/mrv-edge" pair "$code" --data "$data_dir" --key-file "$etc_dir/vault.key" "$@"

cat >"$unit_dir/mrv-edge.service" <<UNIT
[Unit]
Description=Hydro MRV edge agent (meters to signed telemetry)
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/local/bin/mrv-edge run --data /var/lib/mrv-edge --key-file /etc/mrv-edge/vault.key
Restart=always
RestartSec=5
# A killed agent loses nothing: the buffer is synchronous and a stale lock is cleaned at start.
KillSignal=SIGTERM
TimeoutStopSec=30
NoNewPrivileges=true
ProtectSystem=strict
ProtectHome=true
ReadWritePaths=/var/lib/mrv-edge
PrivateTmp=true

[Install]
WantedBy=multi-user.target
UNIT

if [[ -z "$prefix" ]] && command -v systemctl >/dev/null; then
  systemctl daemon-reload
  systemctl enable --now mrv-edge.service
  echo "mrv-edge is running: systemctl status mrv-edge; mrv-edge status --data $data_dir"
else
  echo "installed under ${prefix:-/} (no systemctl run)"
fi
