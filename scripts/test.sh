#!/usr/bin/env bash
#! Runs every test: the native engine tests (no browser, no wasm target), the widget's own
#! Rust tests, then the built package in headless Chromium. Exits non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/lint.sh
echo "== native tests (engine, tools and the widget crate's own tests) =="
cargo test --workspace
echo "== browser tests (pkg-tests, headless Chromium) =="
(cd pkg-tests && npm test)
echo "== package size =="
bash scripts/size.sh
