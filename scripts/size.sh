#!/usr/bin/env bash
#! Prints the size of what a page with one widget loads from the built package (pkg/): the wasm,
#! wasm-bindgen's JS glue and its snippets, the custom element module (the stylesheet is inside
#! the wasm), each raw and gzip -9; then the wasm by group (scripts/size-groups.mjs, from the same
#! build with function names kept). Exits non-zero above the budget, 220 KB gzipped.
#! `SIZE_TOP=N` also lists the N largest functions and generic families (where to look next).
#! `--no-budget` prints the same and never fails on the size (scripts/test.sh uses it: the budget
#! is `make size`'s, not `make test`'s).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUDGET_BYTES=$((220 * 1024))
enforce=1
[ "${1:-}" = "--no-budget" ] && enforce=0
wasm_path="$(cat "$ROOT/.tools/wasm-path" 2>/dev/null || true)"
export PATH="${wasm_path:+$wasm_path:}$ROOT/pkg-tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cd "$ROOT/pkg"
files=(adaptive_practice_bg.wasm adaptive_practice.js)
while IFS= read -r snippet; do files+=("$snippet"); done < <(find snippets -name '*.js' 2>/dev/null | sort)
files+=(adaptive-practice.js)
total_raw=0
total_gz=0
printf '%-56s %10s %10s\n' file bytes gzip-9
for file in "${files[@]}"; do
    raw=$(wc -c <"$file")
    gz=$(gzip -9c "$file" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%-56s %10d %10d\n' "$file" "$raw" "$gz"
done
printf '%-56s %10d %10d  (%.1f KB gzipped)\n' total "$total_raw" "$total_gz" "$(awk "BEGIN { print $total_gz / 1024 }")"

# The wasm by group: the cargo output wasm-pack built pkg/ from, through wasm-bindgen and wasm-opt
# with pkg/'s flags, keeping the function names (wasm-pack's own run strips them).
echo
# shellcheck source=scripts/wasm-std.sh
source "$ROOT/scripts/wasm-std.sh"
cargo_wasm="$WIDGET_WASM_DIR/adaptive_practice.wasm"
opt_flags="$(sed -n '/^\[package.metadata.wasm-pack.profile.release\]/,$p' "$ROOT/Cargo.toml" |
    sed -n 's/^wasm-opt = \[\(.*\)\]$/\1/p' | head -n 1 | tr -d '",')"
if [ -f "$cargo_wasm" ] && command -v wasm-bindgen >/dev/null && command -v wasm-opt >/dev/null && [ -n "$opt_flags" ]; then
    named="$(mktemp -d)"
    trap 'rm -rf "$named"' EXIT
    wasm-bindgen --target web --keep-debug --out-dir "$named" --out-name named "$cargo_wasm"
    # shellcheck disable=SC2086 # the flags are words
    wasm-opt $opt_flags -g "$named/named_bg.wasm" -o "$named/named.wasm"
    node "$ROOT/scripts/blank-panic-locations.mjs" "$named/named.wasm" >/dev/null
    node "$ROOT/scripts/size-groups.mjs" "$named/named.wasm" "$ROOT/pkg/adaptive_practice_bg.wasm" ${SIZE_TOP:+"--top=$SIZE_TOP"}
else
    echo "(no breakdown by group: it needs $cargo_wasm, wasm-bindgen and wasm-opt; run make build)"
fi

if [ "$total_gz" -gt "$BUDGET_BYTES" ]; then
    over=$(awk "BEGIN { printf \"%.1f\", ($total_gz - $BUDGET_BYTES) / 1024 }")
    if [ "$enforce" -eq 1 ]; then
        echo "size: over the budget of 220 KB gzipped by $over KB" >&2
        exit 1
    fi
    echo "size: over the budget of 220 KB gzipped by $over KB (not enforced here: make size enforces it)"
else
    echo "size: within the budget of 220 KB gzipped"
fi
