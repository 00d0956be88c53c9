#!/usr/bin/env bash
# Installs the mrv-edge agent on a Linux gateway in two steps (docs/edge.md). Run as root:
#
#   sudo ./install.sh ./mrv-edge-linux-arm64 keygen --count 2
#       installs the binary, makes the device keys here, prints their did:keys (register them);
#   sudo ./install.sh ./mrv-edge-linux-arm64 '{"v":1,"kind":"gateway",…}' --server-ca server-cert.pem
#       enrolls the gateway's certificate with the pairing payload and enables the systemd unit.
#
# Options after the payload are passed to `mrv-edge pair` (--server-ca, --api, --mtls, --gateway).
# MRV_EDGE_PREFIX (default /) relocates every path (used by the test suite).
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 <mrv-edge binary> keygen [--count N] | <QR payload | enrollment token> [pair options]" >&2
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

# The agent's runtime flags; edge/packaging/mrv-edge-service.ps1 sets the same on Windows.
NODE_FLAGS="--v8-pool-size=1 --max-semi-space-size=2"

install -d -m 0755 "$bin_dir" "$unit_dir"
install -d -m 0700 "$data_dir" "$etc_dir"
install -m 0755 "$binary" "$bin_dir/mrv-edge"

# The vault key lives apart from the data directory: a copied data directory alone opens nothing.
if [[ "$code" == keygen ]]; then
  "$bin_dir/mrv-edge" keygen --data "$data_dir" --key-file "$etc_dir/vault.key" "$@"
  echo "register these did:keys as devices, create the gateway, then: $0 $binary '<pairing payload>'" >&2
  exit 0
fi
"$bin_dir/mrv-edge" pair "$code" --data "$data_dir" --key-file "$etc_dir/vault.key" "$@"

cat >"$unit_dir/mrv-edge.service" <<UNIT
[Unit]
Description=Hydro MRV edge agent (meters to signed telemetry)
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/local/bin/mrv-edge run --data /var/lib/mrv-edge --key-file /etc/mrv-edge/vault.key
# Memory (docs/edge.md): one V8 background thread (each keeps a malloc arena) and a 2 MB young
# generation (V8 grows it to 16 MB while a backlog drains). Peak RSS draining 7 days: 168 → under 100 MB.
Environment="NODE_OPTIONS=$NODE_FLAGS"
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
