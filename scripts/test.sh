#!/usr/bin/env bash
#! Runs every test: the native engine tests (no browser, no wasm target), the widget's own
#! Rust tests, then the built package in headless Chromium and Firefox ESR. Exits
#! non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/lint.sh
echo "== native tests (engine, tools and the widget crate's own tests) =="
cargo test --workspace
echo "== browser tests (pkg-tests, headless Chromium) =="
(cd pkg-tests && npm test)
# Every test file that opens a browser (through pkg-tests/lib/browser.js) runs again in Firefox;
# a test Firefox cannot run says why with skipInFirefox(reason), shown as a SKIP in the report.
echo "== browser tests in Firefox ESR (every test file that opens a browser) =="
firefox_start=$SECONDS
(cd pkg-tests && AP_BROWSER=firefox node --test --test-concurrency=1 $(grep -l "lib/browser.js" tests/*.test.js))
echo "Firefox ESR: $((SECONDS - firefox_start)) s"
# The size and its breakdown, for the record; the budget is `make size`'s (it fails above it).
echo "== package size =="
bash scripts/size.sh --no-budget
