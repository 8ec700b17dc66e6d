#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to find:
# typecheck (app + DOM-free core), lint, unit tests, production build, end-to-end in Chromium.
# Ends with a plain `N passed, N failed` line summing unit and end-to-end tests.
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 FORCE_COLOR=0
mkdir -p reports
rm -f reports/unit.json reports/e2e.json
T0=$SECONDS
step() { echo; echo "=== $* [t=$((SECONDS - T0))s]"; }
fail=0
static_fail=0

step "find chromium"
CHROMIUM_PATH="$(node scripts/find-chromium.mjs --install)" || { echo "no chromium"; exit 1; }
export CHROMIUM_PATH
echo "chromium: $CHROMIUM_PATH"

step "typecheck"
./node_modules/.bin/tsc --noEmit || static_fail=1
./node_modules/.bin/tsc --noEmit -p tsconfig.core.json || static_fail=1

step "lint + format"
./node_modules/.bin/biome ci --colors=off . || static_fail=1

step "unit tests"
./node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json || fail=1

step "build"
{ ./node_modules/.bin/vite build && node scripts/first-load.mjs; } || static_fail=1

step "end-to-end (Playwright, Chromium)"
E2E_SKIP_BUILD=1 ./node_modules/.bin/playwright test || fail=1

step "summary (wall $((SECONDS - T0))s)"
node scripts/summary.mjs "$static_fail"
rc=$?
[ "$fail" -eq 0 ] && [ "$static_fail" -eq 0 ] && [ "$rc" -eq 0 ]
