#!/usr/bin/env bash
# Makes sure socat is installed (Debian's `socat` package): the Modbus RTU test links a serial
# simulator and the agent through a pseudo-terminal pair that socat makes (no serial hardware here).
# Idempotent: returns at once when socat is on PATH.
#   bash scripts/install-socat.sh      prints the path of socat on stdout
set -euo pipefail
fail() { echo "install-socat: $*" >&2; exit 3; }

if command -v socat >/dev/null 2>&1; then command -v socat; exit 0; fi
command -v apt-get >/dev/null 2>&1 || fail "needs a Debian-based system (apt-get) to install socat; or install socat yourself"
[ "$(id -u)" -eq 0 ] || fail "run as root to apt-get install socat (or install it yourself)"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q socat >/tmp/install-socat.log 2>&1; then
  echo "install-socat: refreshing the package lists (apt-get update)" >&2
  apt-get update -q >>/tmp/install-socat.log 2>&1 || { cat /tmp/install-socat.log >&2; fail "apt-get update failed"; }
  apt-get install -y -q socat >>/tmp/install-socat.log 2>&1 || { cat /tmp/install-socat.log >&2; fail "apt-get install socat failed"; }
fi
command -v socat >/dev/null 2>&1 || fail "socat is still not on PATH"
echo "install-socat: installed $(socat -V 2>/dev/null | sed -n 2p)" >&2
command -v socat
