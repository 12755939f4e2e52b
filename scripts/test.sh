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
# Each step has a time limit (minutes), several times what it takes, so a
# step that hangs is stopped, with everything it started, and reported,
# and the steps after it still run.
step() {
  local name=$1 limit=$2 start=$SECONDS status=0
  shift 2
  printf '\n== %s\n' "$name"
  timeout --kill-after=30s "${limit}m" "$@" 2>&1 | tee -a "$log" || status=$?
  local took="$((SECONDS - start)) s"
  if [ "$status" -eq 0 ]; then
    summary+=("  ok      $name ($took)")
  elif [ "$status" -eq 124 ]; then
    printf '\n%s: stopped after %s minutes\n' "$name" "$limit" | tee -a "$log"
    summary+=("  FAILED  $name ($took, timed out)")
    failed+=("$name")
  else
    summary+=("  FAILED  $name ($took)")
    failed+=("$name")
  fi
}

step "type-check"                                       15 npm run --silent test:types
step "lint"                                             10 npm run --silent test:lint
step "node tests"                                       30 npm run --silent test:node
step "sync server tests on PostgreSQL"                   20 npm run --silent test:node:postgres
step "browser tests (headless Chromium)"                30 npm run --silent test:browser
step "end-to-end (demo, two browsers, one sync server)" 25 node scripts/node-tests.mjs test/e2e
step "storybook build and stories"                      30 npm run --silent test:storybook

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
