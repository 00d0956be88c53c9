#!/usr/bin/env bash
# `npm start`: install what is missing, then run the whole embedded stack in the foreground.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/ensure-deps.sh
exec node bin/mrv.js up "$@"
