#!/usr/bin/env bash
# Checks the Prometheus configuration and alert rules and runs their unit tests (run by scripts/test.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
promtool="$(bash scripts/install-prometheus.sh)/promtool"
"$promtool" check config deploy/prometheus/prometheus.yml
"$promtool" check rules deploy/prometheus/rules/*.yml
"$promtool" test rules deploy/prometheus/tests/*.yml
