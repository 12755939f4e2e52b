#!/usr/bin/env bash
# The whole suite: what CI runs. Installs Chromium, PostgreSQL and Redis
# when missing, then type-checks, lints, runs the Node tests (the sync
# server's once on its embedded store and once more on PostgreSQL, and
# several sync processes on PostgreSQL and Redis), the browser tests in headless
# Chromium, the end-to-end tests (the demo portal; two browsers sharing a
# chart through a real sync server), and builds Storybook and renders every
# story so that a broken story fails. Every step runs even after one fails, so one run reports all
# problems; the summary at the end says which steps failed, and the exit
# status is non-zero if any did.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/ensure-chromium.sh
bash scripts/ensure-services.sh

summary=()
failed=()
log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() {
  local name=$1 start=$SECONDS
  shift
  printf '\n== %s\n' "$name"
  if "$@" 2>&1 | tee -a "$log"; then
    summary+=("  ok      $name ($((SECONDS - start)) s)")
  else
    summary+=("  FAILED  $name ($((SECONDS - start)) s)")
    failed+=("$name")
  fi
}

step "type-check"                        npm run --silent test:types
step "lint"                              npm run --silent test:lint
step "node tests"                        npm run --silent test:node
step "sync server tests on PostgreSQL"    npm run --silent test:node:postgres
step "browser tests (headless Chromium)" npm run --silent test:browser
step "end-to-end (demo, two browsers, one sync server)" node scripts/node-tests.mjs test/e2e
step "storybook build and stories"       npm run --silent test:storybook

# One closing count over both test runners: Node's ("ℹ pass N") and the
# browser runner's ("N passed, M failed" on its last progress line).
counts=$( { grep -aoE '^ℹ (pass|fail) [0-9]+' "$log" | awk '{print $2, $3}';
            grep -aoE '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 | awk '{print "pass", $1; print "fail", $3}'; } |
          awk '{t[$1]+=$2} END {printf "%d passed, %d failed\n", t["pass"], t["fail"]}')

printf '\n== summary\n'
printf '%s\n' "${summary[@]}"
printf '\ntests: %s\n' "$counts"
if [ ${#failed[@]} -gt 0 ]; then
  printf '\nnpm test: %d of %d steps FAILED: %s\n' "${#failed[@]}" "${#summary[@]}" "$(IFS=,; echo "${failed[*]}" | sed 's/,/, /g')"
  exit 1
fi
printf '\nnpm test: all %d steps passed\n' "${#summary[@]}"
