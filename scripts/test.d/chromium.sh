#!/usr/bin/env bash
# The web console's browser tests (test/e2e/console.test.ts, run by vitest with the rest of the suite)
# need Debian's chromium and a current build; without either that test fails, it never skips.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bash scripts/install-chromium.sh >/dev/null
bash scripts/build-web.sh
# Typed apart from the Node-only tsconfig: the console with the DOM library, the specs with both.
npx tsc --noEmit -p web/tsconfig.json
npx tsc --noEmit -p test/e2e/console/tsconfig.json
