#!/usr/bin/env bash
# The one test command (README Quickstart, `npm test`, .ci/run): installs what is missing, runs the
# linters and type checker, then the whole vitest suite against real servers — throw-away FerretDB
# (MongoDB wire) and Temporal dev servers, or MONGODB_URI / TEMPORAL_ADDRESS when set.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/ensure-deps.sh
# Temporal's time-skipping test server (Java, from Maven Central) for tests of long policy timers.
bash scripts/install-temporal-test-server.sh >/dev/null
echo "== lint (biome) and types (tsc)" >&2
npx biome ci --reporter=summary .
npx tsc --noEmit -p tsconfig.json
for extra in scripts/test.d/*.sh; do
  [ -e "$extra" ] || continue
  echo "== $extra" >&2
  bash "$extra"
done
echo "== tests (vitest) against real servers" >&2
if [ $# -gt 0 ]; then exec node bin/mrv.js services run -- npx vitest run "$@"; fi
# The whole suite also measures coverage, prints statement and branch figures per room and fails
# below a room's floor (scripts/coverage-by-room.ts, coverage-floors.json).
status=0
rm -f coverage/coverage-summary.json
node bin/mrv.js services run -- npx vitest run --coverage || status=$?
if [ ! -f coverage/coverage-summary.json ]; then
  echo "no coverage report was written" >&2
  exit $(( status == 0 ? 1 : status ))
fi
npx tsx scripts/coverage-by-room.ts --markdown --check >&2 || status=$(( status == 0 ? 1 : status ))
exit "$status"
