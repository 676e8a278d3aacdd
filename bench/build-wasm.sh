#!/usr/bin/env bash
#! Builds the benchmark's wasm (crates/bench: `benchAnswers`, `benchLoadBank`, `benchStorage`) into
#! bench/generated/wasm/, with the widget's release profile and the same wasm-opt flags as pkg/,
#! so the engine inside runs as it does in the widget. The widget package never contains it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
wasm_path="$(cat .tools/wasm-path 2>/dev/null || true)"
export PATH="${wasm_path:+$wasm_path:}$ROOT/pkg-tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=bench/generated/wasm
# The widget's std and target folder (scripts/wasm-std.sh), so that the engine runs as it does in
# the widget.
# shellcheck source=scripts/wasm-std.sh
source scripts/wasm-std.sh
with_widget_std cargo build -q --release --target wasm32-unknown-unknown -p adaptive-practice-bench --lib "${WASM_STD_ARGS[@]}"
mkdir -p "$out"
wasm-bindgen "$WIDGET_WASM_DIR/adaptive_practice_bench.wasm" --target web --out-dir "$out"
flags=$(node -e "
  const toml = require('fs').readFileSync('Cargo.toml', 'utf8');
  const line = toml.split('\n').find((l) => l.startsWith('wasm-opt'));
  console.log(line ? JSON.parse(line.replace(/^wasm-opt\s*=\s*/, '')).join(' ') : '-Oz');")
# shellcheck disable=SC2086
wasm-opt $flags "$out/adaptive_practice_bench_bg.wasm" -o "$out/adaptive_practice_bench_bg.wasm"
