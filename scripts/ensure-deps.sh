#!/usr/bin/env bash
# Installs npm packages when node_modules is missing or older than package-lock.json, then the
# embedded servers (scripts/services.sh). Sourced by scripts/start.sh and scripts/test.sh so that
# each Quickstart command works on a fresh clone.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command -v node >/dev/null 2>&1 || { echo "mrv: Node.js 20 (≥ 20.19) is required: https://nodejs.org/" >&2; exit 3; }
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { echo "mrv: Node.js ≥ 20.19 is required, found $(node --version)" >&2; exit 3; }
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "mrv: installing npm packages (npm ci)…" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
bash scripts/services.sh install
bash scripts/build-web.sh
