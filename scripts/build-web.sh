#!/usr/bin/env bash
# Builds the web console (web/ → web/dist, served by the API at /console) when the build is missing
# or older than its sources or the lockfile. Called by scripts/ensure-deps.sh (so `npm start` and
# `npm test` always serve a current console); `npm run web:build` forces a build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
stamp=web/dist/.built
if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] && [ -f web/dist/index.html ] \
  && [ -z "$(find web/src web/index.html web/vite.config.ts package-lock.json -newer "$stamp" -print -quit)" ]; then
  exit 0
fi
echo "mrv: building the web console (vite)…" >&2
npx tsc -p web/tsconfig.json
npx vite build --config web/vite.config.ts
touch "$stamp"
