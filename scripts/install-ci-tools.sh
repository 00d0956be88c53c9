#!/usr/bin/env bash
# Installs the checkers the test command runs over the repository's deployment and release files into
# .tools/bin: actionlint (GitHub workflows), kubeconform (Kubernetes manifests) and gitleaks (secrets
# in the history), built with `go install` at pinned versions; and the Kubernetes JSON schemas
# kubeconform validates against, from the PyPI package kubernetes-validate (no network at test time).
# Idempotent: returns at once when the pinned versions are present.
set -euo pipefail
ACTIONLINT_VERSION=v1.7.12
KUBECONFORM_VERSION=v0.7.0
GITLEAKS_VERSION=v8.28.0
K8S_SCHEMAS_VERSION=1.37.0   # kubernetes-validate; its schemas for Kubernetes v1.34.0 are used
root=$(cd "$(dirname "$0")/.." && pwd)
tools="${MRV_TOOLS_DIR:-$root/.tools}"
bin="$tools/bin"
mkdir -p "$bin"

fail() { echo "install-ci-tools: $*" >&2; exit 3; }
stamp_ok() { [ -e "$1" ] && [ -f "$1.$2.stamp" ]; }

go_tool() { # name module version
  local name=$1 module=$2 version=$3
  stamp_ok "$bin/$name" "$version" && return
  command -v go >/dev/null 2>&1 || fail "'go' is needed to build $name"
  echo "install-ci-tools: building $name $version — first time only" >&2
  GOBIN="$bin" GOFLAGS=-buildvcs=false go install "$module@$version" >"$bin/$name-build.log" 2>&1 \
    || { tail -20 "$bin/$name-build.log" >&2; fail "building $name failed (log: $bin/$name-build.log)"; }
  rm -f "$bin/$name".*.stamp; touch "$bin/$name.$version.stamp"
}

go_tool actionlint github.com/rhysd/actionlint/cmd/actionlint "$ACTIONLINT_VERSION"
go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
go_tool gitleaks github.com/zricethezav/gitleaks/v8 "$GITLEAKS_VERSION"

schemas="$tools/k8s-schemas"
if ! stamp_ok "$schemas" "$K8S_SCHEMAS_VERSION"; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  python3 -m pip download --quiet --no-deps -d "$work" "kubernetes-validate==$K8S_SCHEMAS_VERSION" \
    || fail "downloading kubernetes-validate $K8S_SCHEMAS_VERSION from PyPI failed"
  rm -rf "$schemas" && mkdir -p "$schemas"
  python3 -m zipfile -e "$work"/kubernetes_validate-*.whl "$work/x"
  mv "$work/x/kubernetes_validate/kubernetes-json-schema/v1.34.0-local-strict" "$schemas/"
  rm -f "$schemas".*.stamp; touch "$schemas.$K8S_SCHEMAS_VERSION.stamp"
fi
