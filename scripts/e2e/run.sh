#!/usr/bin/env bash
# Runs the end-to-end tests (after scripts/e2e/setup.sh), each bounded by `timeout`.
#
#   scripts/e2e/run.sh extension [runExtensionTests options]   the baogao extension-host suite (test/e2e/suite)
#   scripts/e2e/run.sh ui [mocha options]                      the baogao UI tests (test/e2e/ui/baogao.ui.test.ts)
#   scripts/e2e/run.sh all                                     both (default)
#   scripts/e2e/run.sh probe                                   the harness's own proofs on the probe extension
#
# extension and ui test the packaged extension, baogao-<version>.vsix (or $BAOGAO_E2E_VSIX):
# run `npm run package` first (`npm run test:e2e` does all of it).
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
  echo "[e2e] extension-host suite: test/e2e/suite on the packaged extension"
  timeout --kill-after=30 "$EXT_TIMEOUT" node --import tsx test/e2e/runExtensionTests.ts --packaged --timeout "$((EXT_TIMEOUT - 60))" "$@"
}
run_ui() {
  echo "[e2e] UI tests: test/e2e/ui/baogao.ui.test.ts on the packaged extension"
  timeout --kill-after=30 "$UI_TIMEOUT" node --import tsx node_modules/mocha/bin/mocha.js \
    --no-config --fail-zero --timeout 300000 --reporter spec test/e2e/ui/baogao.ui.test.ts "$@"
}
run_probe() {
  timeout --kill-after=30 "$EXT_TIMEOUT" node --import tsx test/e2e/runExtensionTests.ts --probe --timeout "$((EXT_TIMEOUT - 60))" || return $?
  timeout --kill-after=30 "$UI_TIMEOUT" node --import tsx node_modules/mocha/bin/mocha.js \
    --no-config --fail-zero --timeout 300000 --reporter spec test/e2e/ui/probe.ui.test.ts "$@"
}

case "$what" in
  extension) run_extension "$@" ;;
  ui) run_ui "$@" ;;
  probe) run_probe "$@" ;;
  all)
    start=$(date +%s); rc=0; failed=()
    run_extension || { rc=$?; failed+=("extension-host suite"); }
    echo "[e2e] phase 'extension-host suite' took $(( $(date +%s) - start )) s"
    ui_start=$(date +%s)
    run_ui || { rc=$?; failed+=("UI tests"); }
    echo "[e2e] phase 'UI tests' took $(( $(date +%s) - ui_start )) s"
    [ $rc -eq 0 ] || echo "[e2e] FAILED: ${failed[*]}" >&2
    echo "[e2e] all: exit $rc after $(( $(date +%s) - start )) s"
    exit $rc ;;
  *) echo "usage: $0 [extension|ui|all|probe] [options]" >&2; exit 2 ;;
esac
