#!/usr/bin/env bash
#! Runs every test: the build (widget and studio wasm), lint, the native tests (engine, tools and
#! the widget crate's own tests), the command-line tools the browser tests run, then the built
#! package in headless Chromium and in Firefox ESR (every test file that opens a browser runs in
#! both), then the size. Prints each phase's seconds as it ends and a summary at the end.
#! Exits non-zero on any failure. The browser tests are one queue of (browser, file) runs, a few at
#! a time, the longest first (scripts/browser-tests.mjs; `AP_BROWSER_WORKERS=N` runs N at a time).
#! `AP_BROWSERS_IN_TURN=1` runs the two browsers' suites one after the other instead (slower; each
#! report then streams as it runs).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
summary="$work/summary"
: >"$summary"
# Sets `cpu` to the CPU seconds (user and system) of this script's ended child processes so far:
# beside a phase's seconds, it tells a busy machine (seconds well above CPU seconds / 2 cores).
cpu_so_far() {
    times >"$work/times"
    cpu="$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$work/times")"
}
# `phase NAME command…`: a heading, the command, then "NAME: N s (CPU N s)", also in the summary.
phase() {
    local name="$1" start=$SECONDS cpu cpu_start
    shift
    cpu_so_far
    cpu_start=$cpu
    echo "== $name =="
    "$@"
    cpu_so_far
    printf '%-44s %5d s  (CPU %5d s)\n' "$name" $((SECONDS - start)) $((cpu - cpu_start)) >>"$summary"
    echo "$name: $((SECONDS - start)) s (CPU $((cpu - cpu_start)) s)"
}

# The test files that open a browser (through pkg-tests/lib/browser.js) run again in Firefox; a
# test Firefox cannot run says why with skipInFirefox(reason), shown as a SKIP in the report.
firefox_files() {
    grep -l "lib/browser.js" tests/*.test.js
}

browsers_in_turn() {
    echo "== browser tests (pkg-tests, headless Chromium) =="
    (cd pkg-tests && npm test)
    echo "== browser tests in Firefox ESR (every test file that opens a browser) =="
    # shellcheck disable=SC2046 # one argument per file
    (cd pkg-tests && AP_BROWSER=firefox node --test --test-concurrency=1 $(firefox_files))
}

start=$SECONDS
# The command-line tools the browser tests run, in the dev profile (TOOLS_PROFILE, which the
# Makefile's tool targets and pkg-tests/lib/simulator.js read): the bank tools (`make
# demo-content` and the OATutor test convert the sample with them) and the simulator (the teacher
# tests simulate a class). The native tests have built their dependencies already: a release
# build took 174 CPU seconds more (2026-12-04), for tools that run in under a second either way.
# Built here, not inside the browser phase, where a cold build starved the other tests of CPU
# until they timed out. Two commands, as the tests run them: each package's own features.
export TOOLS_PROFILE=dev
tools() {
    cargo build -q --profile dev -p adaptive-practice-bank-tools --bins
    cargo build -q --profile dev -p adaptive-practice-simulator --bin class-reports --bin replay-answers
}
phase "build (widget and studio wasm)" bash scripts/build.sh
phase "lint" bash scripts/lint.sh
phase "native tests (engine, tools, widget crate)" cargo test --workspace
phase "tools the browser tests run (dev profile)" tools
if [ "${AP_BROWSERS_IN_TURN:-}" = 1 ]; then
    phase "browser tests, Chromium then Firefox ESR" browsers_in_turn
else
    phase "browser tests, Chromium and Firefox ESR" node scripts/browser-tests.mjs
fi
# The size and its breakdown, for the record; the budget is `make size`'s (it fails above it).
phase "package size" bash scripts/size.sh --no-budget
echo "== seconds by phase =="
cat "$summary"
printf '%-44s %5d s\n' "scripts/test.sh in all" $((SECONDS - start))
# `make test` passes the time it started (before setup and build) in AP_TEST_STARTED.
[ -z "${AP_TEST_STARTED:-}" ] || printf '%-44s %5d s\n' "make test in all (setup and build included)" $(($(date +%s) - AP_TEST_STARTED))
