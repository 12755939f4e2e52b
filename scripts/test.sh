#!/usr/bin/env bash
# The whole suite: what CI runs. Installs Chromium when missing, then
# type-checks, lints, runs the Node tests, the browser tests in headless
# Chromium, and builds Storybook and renders every story so that a broken
# story fails. Every step runs even after one fails, so one run reports all
# problems; the summary at the end says which steps failed, and the exit
# status is non-zero if any did.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/ensure-chromium.sh

summary=()
failed=()
step() {
  local name=$1 start=$SECONDS
  shift
  printf '\n== %s\n' "$name"
  if "$@"; then
    summary+=("  ok      $name ($((SECONDS - start)) s)")
  else
    summary+=("  FAILED  $name ($((SECONDS - start)) s)")
    failed+=("$name")
  fi
}

step "type-check"                        npm run --silent test:types
step "lint"                              npm run --silent test:lint
step "node tests"                        npm run --silent test:node
step "browser tests (headless Chromium)" npm run --silent test:browser
step "storybook build and stories"       npm run --silent test:storybook

printf '\n== summary\n'
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  printf '\nnpm test: %d of %d steps FAILED: %s\n' "${#failed[@]}" "${#summary[@]}" "$(IFS=,; echo "${failed[*]}" | sed 's/,/, /g')"
  exit 1
fi
printf '\nnpm test: all %d steps passed\n' "${#summary[@]}"
