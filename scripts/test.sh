#!/usr/bin/env bash
#! Runs every test: lint, the native tests (engine, tools and the widget crate's own tests), then
#! the built package in headless Chromium and, at the same time, in Firefox ESR (every test file
#! that opens a browser runs in both), then the size. Prints each phase's seconds as it ends and
#! a summary at the end. Exits non-zero on any failure (both browsers' reports are printed first).
#! `AP_BROWSERS_IN_TURN=1` runs the two browsers one after the other instead (slower; each
#! report then streams as it runs).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

summary=()
cpu_file="$(mktemp)"
# Sets `cpu` to the CPU seconds (user and system) of this script's ended child processes so far:
# beside a phase's seconds, it tells a busy machine (seconds well above CPU seconds / 2 cores).
cpu_so_far() {
    times >"$cpu_file"
    cpu="$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$cpu_file")"
}
# `phase NAME command…`: a heading, the command, then "NAME: N s (CPU N s)", also in the summary.
phase() {
    local name="$1" start=$SECONDS at=${#summary[@]} cpu cpu_start
    shift
    cpu_so_far
    cpu_start=$cpu
    echo "== $name =="
    "$@"
    cpu_so_far
    # Before the lines the phase added itself (its parts).
    summary=("${summary[@]:0:at}" "$(printf '%-44s %5d s  (CPU %5d s)' "$name" $((SECONDS - start)) $((cpu - cpu_start)))" "${summary[@]:at}")
    echo "$name: $((SECONDS - start)) s (CPU $((cpu - cpu_start)) s)"
}

# The test files that open a browser (through pkg-tests/lib/browser.js) run again in Firefox; a
# test Firefox cannot run says why with skipInFirefox(reason), shown as a SKIP in the report.
firefox_files() {
    grep -l "lib/browser.js" tests/*.test.js
}

# Chromium (every test file) and Firefox ESR (the files above) at the same time: their tests
# mostly wait on the browser, and the two suites share no browser, port or scratch folder (the
# files that write a shared output take pkg-tests/lib/shared-output.js's lock). Chromium's report
# streams; Firefox's is kept in a file and printed whole when both have ended.
browsers_together() {
    local logs firefox_pid chromium_rc=0 firefox_rc firefox_took start=$SECONDS
    logs="$(mktemp -d)"
    (
        cd pkg-tests
        firefox_start=$SECONDS
        rc=0
        # shellcheck disable=SC2046 # one argument per file
        AP_BROWSER=firefox node --test --test-concurrency=1 $(firefox_files) >"$logs/report" 2>&1 || rc=$?
        echo "$rc $((SECONDS - firefox_start))" >"$logs/status"
    ) &
    firefox_pid=$!
    # Firefox goes on after an interrupted or failed Chromium run only until this script ends.
    trap 'kill "$firefox_pid" 2>/dev/null || true' EXIT
    echo "== browser tests (pkg-tests, headless Chromium; Firefox ESR meanwhile, its report below) =="
    (cd pkg-tests && npm test) || chromium_rc=$?
    summary+=("$(printf '%-44s %5d s' "  of which Chromium" $((SECONDS - start)))")
    echo "Chromium: $((SECONDS - start)) s"
    wait "$firefox_pid" || true
    trap - EXIT
    read -r firefox_rc firefox_took <"$logs/status" || { firefox_rc=1 firefox_took=$((SECONDS - start)); }
    echo "== browser tests in Firefox ESR (every test file that opens a browser; ran meanwhile) =="
    cat "$logs/report"
    rm -rf "$logs"
    summary+=("$(printf '%-44s %5d s' "  of which Firefox ESR (at the same time)" "$firefox_took")")
    echo "Firefox ESR: $firefox_took s (both browsers: $((SECONDS - start)) s)"
    [ "$chromium_rc" -eq 0 ] || { echo "browser tests in Chromium failed (report above)"; return 1; }
    [ "$firefox_rc" -eq 0 ] || { echo "browser tests in Firefox ESR failed (report above)"; return 1; }
}

browsers_in_turn() {
    echo "== browser tests (pkg-tests, headless Chromium) =="
    (cd pkg-tests && npm test)
    echo "== browser tests in Firefox ESR (every test file that opens a browser) =="
    # shellcheck disable=SC2046 # one argument per file
    (cd pkg-tests && AP_BROWSER=firefox node --test --test-concurrency=1 $(firefox_files))
}

start=$SECONDS
phase "lint" bash scripts/lint.sh
phase "native tests (engine, tools, widget crate)" cargo test --workspace
# The bank tools' release build, which the browser tests run (`make demo-content` and the OATutor
# test convert the sample with it): built here, not inside the browser phase, where a cold build
# (fat LTO) starved the other browser's tests of CPU until they timed out.
phase "bank tools (release build the browser tests run)" cargo build -q --release -p adaptive-practice-bank-tools --bins
if [ "${AP_BROWSERS_IN_TURN:-}" = 1 ]; then
    phase "browser tests, Chromium then Firefox ESR" browsers_in_turn
else
    phase "browser tests, Chromium and Firefox ESR" browsers_together
fi
# The size and its breakdown, for the record; the budget is `make size`'s (it fails above it).
phase "package size" bash scripts/size.sh --no-budget
echo "== seconds by phase =="
printf '%s\n' "${summary[@]}"
printf '%-44s %5d s\n' "scripts/test.sh in all" $((SECONDS - start))
# `make test` passes the time it started (before setup and build) in AP_TEST_STARTED.
[ -z "${AP_TEST_STARTED:-}" ] || printf '%-44s %5d s\n' "make test in all (setup and build included)" $(($(date +%s) - AP_TEST_STARTED))
rm -f "$cpu_file"
