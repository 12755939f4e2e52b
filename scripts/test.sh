#!/usr/bin/env bash
# The whole suite: what CI runs. Installs Chromium when missing, then
# type-checks, lints, runs the Node tests, the browser tests in headless
# Chromium, and builds Storybook so that a broken story fails.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/ensure-chromium.sh
step() { printf '\n== %s\n' "$1"; }
step "type-check";  npm run --silent test:types
step "lint";        npm run --silent test:lint
step "node tests";  npm run --silent test:node
step "browser tests (headless Chromium)"; npm run --silent test:browser
step "storybook build"; npm run --silent test:storybook
