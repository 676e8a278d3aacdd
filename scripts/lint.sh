#!/usr/bin/env bash
#! Formatting and lints, the machine's job: rustfmt and clippy (-D warnings, every target) on the
#! workspace and the fuzz crate's formatting, Biome on the JavaScript. Exits non-zero on any finding.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
echo "== lint: rustfmt =="
cargo fmt --all -- --check
(cd fuzz && cargo fmt -- --check)
echo "== lint: clippy =="
cargo clippy --quiet --workspace --all-targets -- -D warnings
echo "== lint: biome (JavaScript) =="
pkg-tests/node_modules/.bin/biome ci --colors=off --error-on-warnings --reporter=summary .
echo "== lint: ARCHITECTURE.md names every module, and only modules that exist =="
node --test scripts/architecture.test.mjs >/dev/null || node --test scripts/architecture.test.mjs
echo "lint: clean"
