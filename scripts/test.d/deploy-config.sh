#!/usr/bin/env bash
# Checks the release pipeline and deployment files (run by scripts/test.sh): the GitHub workflows with
# actionlint, the Kubernetes manifests with kubeconform (strict, Kubernetes 1.34 schemas, offline), and
# the repository's history with gitleaks (no secret may ever be committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bash scripts/install-ci-tools.sh
tools="${MRV_TOOLS_DIR:-$root/.tools}"
"$tools/bin/actionlint" .github/workflows/*.yml
echo "actionlint: .github/workflows OK"
schemas=$(mktemp -d)
trap 'rm -rf "$schemas"' EXIT
npx tsx scripts/standalone-k8s-schemas.ts "$tools/k8s-schemas/v1.34.0-local-strict" "$schemas/v1.34.0-standalone-strict" deploy/k8s/*.yaml
"$tools/bin/kubeconform" -strict -summary -skip Kustomization -kubernetes-version 1.34.0 \
  -schema-location "$schemas/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
  deploy/k8s/*.yaml
# The check must be able to fail: an unknown field and a wrongly typed one are refused.
printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: bad }\nspec:\n  replicas: two\n  replcas: 2\n' >"$schemas/bad.yaml"
if "$tools/bin/kubeconform" -strict -kubernetes-version 1.34.0 \
  -schema-location "$schemas/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
  "$schemas/bad.yaml" >/dev/null 2>&1; then
  echo "kubeconform accepted an invalid Deployment: the check is not working" >&2; exit 1
fi
if git rev-parse --git-dir >/dev/null 2>&1; then
  "$tools/bin/gitleaks" git --no-banner --redact --config .gitleaks.toml --log-opts=HEAD .
else
  "$tools/bin/gitleaks" dir --no-banner --redact --config .gitleaks.toml .
fi
# The scan must be able to fail: a planted secret in a scratch folder is found.
planted=$(mktemp -d)
printf 'aws_secret_access_key = "%s"\n' "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8aMpLeXs" >"$planted/config.ini"
if "$tools/bin/gitleaks" dir --no-banner --config .gitleaks.toml "$planted" >/dev/null 2>&1; then
  rm -rf "$planted"; echo "gitleaks found no planted secret: the scan is not working" >&2; exit 1
fi
rm -rf "$planted"
echo "gitleaks: history clean; a planted secret is caught"
