#!/usr/bin/env bash
#! Runs every test: the native engine tests (no browser, no wasm target), the widget's own
#! Rust tests, then the built package in headless Chromium and (some files) Firefox ESR. Exits
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
echo "== browser tests in Firefox ESR (the files listed in scripts/firefox-tests.txt) =="
(cd pkg-tests && AP_BROWSER=firefox node --test --test-concurrency=1 $(sed 's/#.*//' ../scripts/firefox-tests.txt))
echo "== package size =="
bash scripts/size.sh
