#!/usr/bin/env bash
# Smoke test of a deployed API (the release workflow runs it against staging, then production):
# liveness, readiness of every dependency, the OpenAPI document, an authenticated read and one
# end-to-end round trip API → Temporal → worker → MongoDB (POST /v1/selftest, admin key).
#   MRV_URL=https://mrv.example.org MRV_API_KEY=mrv_live_… bash scripts/smoke.sh
set -euo pipefail
: "${MRV_URL:?set MRV_URL to the base URL of the API}"
: "${MRV_API_KEY:?set MRV_API_KEY to an admin API key of the smoke-test organization}"
url=${MRV_URL%/}
attempts=${SMOKE_ATTEMPTS:-30}

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }

# A fresh rollout may need a moment before every dependency answers.
for i in $(seq 1 "$attempts"); do
  [ "$(status_of "$url/readyz")" = 200 ] && break
  [ "$i" = "$attempts" ] && fail "/readyz is not 200 after $attempts tries: $(curl -s --max-time 10 "$url/readyz")"
  sleep 2
done
echo "smoke: /readyz 200"
[ "$(status_of "$url/healthz")" = 200 ] || fail "/healthz is not 200"
echo "smoke: /healthz 200"
curl -sf --max-time 10 "$url/openapi.json" | grep -q '"openapi"' || fail "/openapi.json is not an OpenAPI document"
echo "smoke: /openapi.json served"
[ "$(status_of -H "authorization: Bearer $MRV_API_KEY" "$url/v1/organization")" = 200 ] \
  || fail "GET /v1/organization with the smoke key is not 200"
echo "smoke: authenticated read 200"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
code=$(curl -s --max-time 60 -X POST -H "authorization: Bearer $MRV_API_KEY" -o "$out" -w '%{http_code}' "$url/v1/selftest")
[ "$code" = 201 ] || fail "POST /v1/selftest answered $code: $(head -c 500 "$out")"
echo "smoke: self-test round trip 201"
echo "smoke: PASS $url"
