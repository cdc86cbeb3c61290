#!/usr/bin/env bash
# `npm test`: everything CI runs, from a fresh clone. Installs what it needs: npm packages (npm ci)
# when node_modules is missing or stale, and Debian's Chromium when no browser is found.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "test: installing Chromium from Debian for the browser tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
export CHROMIUM_PATH

# Each phase prints its wall time, so a slow phase shows in CI's log.
phase() {
  local name="$1"; shift
  echo "== $name"
  local t0=$SECONDS
  "$@"
  echo "== $name: $((SECONDS - t0)) s"
}
T0=$SECONDS
phase "type check" npx tsc --noEmit -p .
phase "lint" npm run --silent lint
phase "unit tests" npx vitest run
phase "data build" npm run --silent data
phase "browser tests" npx playwright test
echo "== all tests: $((SECONDS - T0)) s"
