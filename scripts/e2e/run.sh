#!/usr/bin/env bash
# Runs the end-to-end tests (after scripts/e2e/setup.sh), each bounded by `timeout`.
#
#   scripts/e2e/run.sh extension [runExtensionTests options]   extension-host mocha suite
#   scripts/e2e/run.sh ui [mocha options]                      playwright UI tests (test/e2e/ui)
#   scripts/e2e/run.sh all                                     both (default)
#
# Exit status is non-zero when any test fails, when no test ran, or when a
# prerequisite is missing (the message says which, and to run setup.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec </dev/null

what="${1:-all}"; [ $# -gt 0 ] && shift
EXT_TIMEOUT="${BAOGAO_E2E_EXT_TIMEOUT:-900}"   # seconds, whole extension-host run
UI_TIMEOUT="${BAOGAO_E2E_UI_TIMEOUT:-1500}"    # seconds, whole UI run

[ -d node_modules/tsx ] && [ -d node_modules/mocha ] && [ -d node_modules/playwright-core ] \
  || { echo "[e2e] ERROR: node_modules incomplete (tsx, mocha, playwright-core): run npm ci" >&2; exit 2; }

# node runs the tools directly (no npx in between), so `timeout` signals reach the
# process that owns code-server and Chromium, and its exit hooks stop them.
run_extension() {
  timeout --kill-after=30 "$EXT_TIMEOUT" node --import tsx test/e2e/runExtensionTests.ts --timeout "$((EXT_TIMEOUT - 60))" "$@"
}
run_ui() {
  timeout --kill-after=30 "$UI_TIMEOUT" node --import tsx node_modules/mocha/bin/mocha.js \
    --no-config --fail-zero --timeout 300000 --reporter spec 'test/e2e/ui/**/*.ui.test.ts' "$@"
}

case "$what" in
  extension) run_extension "$@" ;;
  ui) run_ui "$@" ;;
  all) rc=0; run_extension || rc=$?; run_ui || rc=$?; exit $rc ;;
  *) echo "usage: $0 [extension|ui|all] [options]" >&2; exit 2 ;;
esac
