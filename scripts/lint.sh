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
# The rule holds for every commit after 0c88a79 (the last one, at 73 characters, that broke it).
echo "== lint: commit subjects of at most 72 characters (after commit 0c88a79) =="
if git rev-parse -q --verify 0c88a79^{commit} >/dev/null; then
  long="$(git log --format=%s 0c88a79..HEAD | awk 'length > 72')"
  if [ -n "$long" ]; then printf 'subject longer than 72 characters:\n%s\n' "$long"; exit 1; fi
fi
echo "lint: clean"
