#!/usr/bin/env bash
# The test command (README, CI): installs what the suite needs that a fresh machine lacks, then runs
# `dotnet test OkrLinker.sln` with any extra arguments passed through. A part that cannot be
# installed is reported here, and the tests that need it fail rather than skip.
set -uo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)          # the HTML report in headless Chromium
command -v promtool >/dev/null 2>&1 || missing+=(prometheus) # metric tests run a real Prometheus
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)                                    # SQL metric tests run a real PostgreSQL
fi

command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)     # GitHub's JavaScript SDK (bench smoke test) and axe-core (dashboard test)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the test suite…"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; } \
    || echo "Could not install ${missing[*]}: the tests that need them will fail." >&2
fi

# The bench smoke test runs GitHub's JavaScript SDK (bench/reference, issue 11 target 4) from the committed lock file.
if [ ! -d bench/reference/node_modules ]; then
  echo "Installing bench/reference (npm ci) for the bench smoke test…"
  (cd bench/reference && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "Could not install bench/reference: the github bench smoke test will fail." >&2
fi

# axe-core from npm, at the version package-lock.json pins; Playwright injects it into each dashboard page.
axe=tests/Linker.Worker.Tests/Browser/axe
if [ ! -f "$axe/node_modules/axe-core/axe.min.js" ]; then
  (cd "$axe" && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "Could not install axe-core: the dashboard accessibility test will fail." >&2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# A test that hangs fails the run after 10 minutes (its host is dumped and stopped) instead of stalling it.
exec dotnet test OkrLinker.sln --blame-hang-timeout 10m "$@"
