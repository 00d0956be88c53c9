#!/usr/bin/env bash
# Rolls the manifests in deploy/k8s out to one namespace with one image and waits for the rollout
# (the release workflow calls it for staging, then production).
#   KUBECONFIG_DATA=<base64 kubeconfig> bash scripts/deploy.sh <namespace> <image ref>
set -euo pipefail
namespace=${1:?usage: deploy.sh <namespace> <image ref>}
image=${2:?usage: deploy.sh <namespace> <image ref>}
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${KUBECONFIG_DATA:-}" ]; then
  KUBECONFIG=$(mktemp)
  export KUBECONFIG
  trap 'rm -f "$KUBECONFIG"' EXIT
  printf '%s' "$KUBECONFIG_DATA" | base64 -d >"$KUBECONFIG"
fi
kubectl -n "$namespace" apply -k "$root/deploy/k8s"
kubectl -n "$namespace" set image deployment/mrv-api "mrv=$image"
kubectl -n "$namespace" set image deployment/mrv-worker "mrv=$image"
kubectl -n "$namespace" rollout status deployment/mrv-api --timeout=10m
kubectl -n "$namespace" rollout status deployment/mrv-worker --timeout=10m
