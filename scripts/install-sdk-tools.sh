#!/usr/bin/env bash
# Installs what the SDKs need to be generated, built and tested (run by scripts/test.d/sdk.sh and
# `npm run sdk:generate`): a Python venv at .tools/sdk-venv with pinned openapi-python-client,
# schemathesis, pytest, build and the Python SDK's own dependencies; oapi-codegen (go install) at
# .tools/sdk-go/bin. Idempotent: a stamp file records the pinned set, so a rerun does nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
venv=.tools/sdk-venv
gobin=$root/.tools/sdk-go/bin
python_pins=(
  'openapi-python-client==0.29.1'
  'schemathesis==4.32.5'
  'pytest==8.4.2'
  'build==1.3.0'
  'rfc8785==0.1.4'
  'cryptography==46.0.3'
  'httpx==0.28.1'
  'attrs==25.4.0'
  'python-dateutil==2.9.0.post0'
  'setuptools==80.9.0'
)
oapi_codegen=github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2
stamp="${python_pins[*]} $oapi_codegen"
# A venv's scripts name its interpreter by absolute path, so a moved or copied .tools breaks them:
# the stamp counts only while the venv's own entry points still start.
if [ -f "$venv/.stamp" ] && [ "$(cat "$venv/.stamp")" = "$stamp" ] && [ -x "$gobin/oapi-codegen" ] &&
  "$venv/bin/st" --version >/dev/null 2>&1 && "$venv/bin/openapi-python-client" --version >/dev/null 2>&1; then
  exit 0
fi
# A venv that exists but whose entry points do not start was moved: make it again.
if [ -f "$venv/.stamp" ] && ! "$venv/bin/st" --version >/dev/null 2>&1; then rm -rf "$venv"; fi
command -v python3 >/dev/null || { echo "sdk: python3 (≥ 3.10) is required" >&2; exit 3; }
command -v go >/dev/null || { echo "sdk: Go (≥ 1.22) is required" >&2; exit 3; }
echo "sdk: installing generators and test tools into .tools/ …" >&2
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${python_pins[@]}"
mkdir -p "$gobin"
GOBIN=$gobin go install "$oapi_codegen"
echo "$stamp" > "$venv/.stamp"
