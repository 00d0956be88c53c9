#!/usr/bin/env bash
# The web console's browser tests (test/e2e/console.test.ts) need Debian's chromium and a current build.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bash scripts/install-chromium.sh >/dev/null
bash scripts/build-web.sh
# The browser specs mix Node and DOM code: typed with the DOM library, apart from the Node-only tsconfig.
npx tsc --noEmit -p test/e2e/console/tsconfig.json
