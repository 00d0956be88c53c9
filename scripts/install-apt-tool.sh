#!/usr/bin/env bash
# Makes sure a command from a Debian package is installed, with apt-get when it is missing.
# Idempotent: returns at once when the command is on PATH.
#   bash scripts/install-apt-tool.sh <command> <package> "<what it is for>"   prints the command's path
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: install-apt-tool.sh <command> <package> <what it is for>" >&2; exit 2; }
cmd=$1 package=$2 purpose=$3
fail() { echo "install-$cmd: $*" >&2; exit 3; }

if command -v "$cmd" >/dev/null 2>&1; then command -v "$cmd"; exit 0; fi
echo "install-$cmd: $cmd is needed for $purpose" >&2
command -v apt-get >/dev/null 2>&1 || fail "needs a Debian-based system (apt-get) to install $package; or install $cmd yourself"
[ "$(id -u)" -eq 0 ] || fail "run as root to apt-get install $package (or install $cmd yourself)"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! apt-get install -y -q "$package" >"$log" 2>&1; then
  echo "install-$cmd: refreshing the package lists (apt-get update)" >&2
  apt-get update -q >>"$log" 2>&1 || { cat "$log" >&2; fail "apt-get update failed"; }
  apt-get install -y -q "$package" >>"$log" 2>&1 || { cat "$log" >&2; fail "apt-get install $package failed"; }
fi
command -v "$cmd" >/dev/null 2>&1 || fail "$cmd is still not on PATH"
echo "install-$cmd: installed $package" >&2
command -v "$cmd"
