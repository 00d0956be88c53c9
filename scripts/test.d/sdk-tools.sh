#!/usr/bin/env bash
# Installs the SDK generators and runners (Python venv at .tools/sdk-venv, oapi-codegen) before the
# vitest suite: test/sdk/*.test.ts spawn pytest and go test, and check the generated code is current.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bash "$root/scripts/install-sdk-tools.sh"
