#!/usr/bin/env bash
#! Builds the widget's package with its wasm's function names kept, for CPU profiles
#! (bench/profile-startup.mjs), into bench/generated/pkg-profile/: the release wasm that
#! `scripts/build.sh` compiled last, through wasm-bindgen and the same wasm-opt flags as pkg/,
#! with `--debuginfo` so that the name section stays. Not minified. Run `scripts/build.sh` first.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
wasm_path="$(cat .tools/wasm-path 2>/dev/null || true)"
export PATH="${wasm_path:+$wasm_path:}$ROOT/pkg-tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=bench/generated/pkg-profile
rm -rf "$out"
mkdir -p "$out"
# shellcheck source=scripts/wasm-std.sh
source scripts/wasm-std.sh
wasm-bindgen "$WIDGET_WASM_DIR/adaptive_practice.wasm" --target web --out-dir "$out" --out-name adaptive_practice
flags=$(node -e "
  const toml = require('fs').readFileSync('Cargo.toml', 'utf8');
  const line = toml.split('\n').find((l) => l.startsWith('wasm-opt'));
  console.log(line ? JSON.parse(line.replace(/^wasm-opt\s*=\s*/, '')).join(' ') : '-Oz');")
# shellcheck disable=SC2086
wasm-opt $flags --debuginfo "$out/adaptive_practice_bg.wasm" -o "$out/adaptive_practice_bg.wasm"
i18n_out="$(ls -td "$WIDGET_WASM_DIR"/build/adaptive-practice-*/out/i18n | head -n 1)"
node scripts/inline-stylesheet.mjs src/element.js "$(dirname "$i18n_out")/widget.min.css" "$out/adaptive-practice.js"
cp -r pkg/i18n "$out/i18n"
