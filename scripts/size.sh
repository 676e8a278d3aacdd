#!/usr/bin/env bash
#! Prints the size of the built package (pkg/): each file the widget loads, raw and gzip -9.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT/pkg"
total_raw=0
total_gz=0
printf '%-32s %10s %10s\n' file bytes gzip-9
for file in adaptive_practice_bg.wasm adaptive_practice.js adaptive-practice.js; do
    raw=$(wc -c <"$file")
    gz=$(gzip -9c "$file" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%-32s %10d %10d\n' "$file" "$raw" "$gz"
done
printf '%-32s %10d %10d  (%.1f KB gzipped)\n' total "$total_raw" "$total_gz" "$(awk "BEGIN { print $total_gz / 1024 }")"
