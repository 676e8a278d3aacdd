#!/usr/bin/env bash
#! Builds the widget package into pkg/ with wasm-pack (release, --target web, wasm-opt -Oz),
#! then adds the custom element module and its type declarations; then the authoring and teacher
#! pages' wasm (crates/studio) into www/generated/studio/ (not with `BUILD_WIDGET_ONLY=1`). Prints
#! its seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
wasm_path="$(cat .tools/wasm-path 2>/dev/null || true)"
export PATH="${wasm_path:+$wasm_path:}$ROOT/pkg-tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The widget's std built from source with panics that trap at once, in target/widget/
# (scripts/wasm-std.sh says why; `KEEP_PANIC_MESSAGES=1` keeps panic messages). The studio build
# below keeps the prebuilt std and target/.
# shellcheck source=scripts/wasm-std.sh
source scripts/wasm-std.sh
build_start=$SECONDS
with_widget_std wasm-pack --log-level warn build --release --target web --out-dir pkg --out-name adaptive_practice --no-pack . "${WASM_STD_ARGS[@]}" >/dev/null
# The languages but English, fetched when a widget speaks one, and the minified stylesheet:
# build.rs wrote them beside its generated Rust (the newest build of the widget's release wasm).
i18n_out="$(ls -td "$WIDGET_WASM_DIR"/build/adaptive-practice-*/out/i18n | head -n 1)"
# The element module holds the stylesheet (parsed while the wasm compiles).
node scripts/inline-stylesheet.mjs src/element.js "$(dirname "$i18n_out")/widget.min.css" pkg/adaptive-practice.js
cp src/element.d.ts pkg/adaptive-practice.d.ts
cp src/loader.js pkg/adaptive-practice-loader.js
rm -rf pkg/i18n
cp -r "$i18n_out" pkg/i18n
# What a page loads, minified: the glue, its snippets, the element and the loader (esbuild keeps
# exports and `import.meta.url`; 5.8 KB gzipped less by `make size`).
while IFS= read -r script; do
    esbuild "$script" --minify --log-level=warning --allow-overwrite --outfile="$script"
done < <(find pkg -maxdepth 1 -name '*.js' ! -name 'adaptive-practice-sw.js'; find pkg/snippets -name '*.js')
# The wasm's imports from the glue, and the exports only the glue calls, by short names instead
# of hashed ones (3.8 KB gzipped less for the imports).
node scripts/short-import-names.mjs
# The source locations still in the wasm blanked (`Location::caller()` records some crates keep
# even when panics trap at once; 3.6 KB gzipped less before they did). `KEEP_PANIC_MESSAGES=1`
# keeps them, with the messages, to debug a panic.
[ "${KEEP_PANIC_MESSAGES:-}" = 1 ] || node scripts/blank-panic-locations.mjs pkg/adaptive_practice_bg.wasm >/dev/null
# The offline worker learns the package's file names (wasm-bindgen's snippets are hashed) and a
# version, so that a new build replaces the stored copies.
node scripts/service-worker.mjs
node scripts/package-json.mjs
widget_took=$((SECONDS - build_start))
# `BUILD_WIDGET_ONLY=1` stops here (the widget's package is complete): quicker size steps.
[ "${BUILD_WIDGET_ONLY:-}" = 1 ] && exit 0
studio_start=$SECONDS
# The authoring and teacher pages' own wasm (crates/studio): the checker as the author types, the
# report reader and calibration (www/teacher-worker.js), outside the learner's widget; built with
# the workspace's `studio` profile (opt-level 3: Cargo.toml says why).
wasm-pack --log-level warn build crates/studio --profile studio --target web --out-dir ../../www/generated/studio --out-name adaptive_practice_studio --no-pack >/dev/null
echo "build: $((SECONDS - build_start)) s (widget package ${widget_took} s, studio wasm $((SECONDS - studio_start)) s)"
