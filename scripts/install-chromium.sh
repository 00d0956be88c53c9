#!/usr/bin/env bash
# The console's browser tests drive Debian's chromium (Playwright's own browser download cannot reach
# its CDN here). Installs the package with apt when it is missing; prints the binary's path.
set -euo pipefail
bin=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$bin" ]; then
  echo "mrv: installing chromium (apt) for the console's browser tests…" >&2
  sudo_=""
  [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update >&2
  $sudo_ apt-get install -y chromium >&2
fi
echo "$bin"
