# shellcheck shell=bash
# Sourced by scripts/build.sh, bench/build-wasm.sh, bench/build-profile.sh and scripts/size.sh (with
# ROOT set): how the learner's widget (and the benchmark's wasm, so that its engine runs as the
# widget's does) get their standard library, and where they are built.
#
# By default std, core and alloc are compiled from their source with the widget's release profile
# (opt-level "z", LTO) and the `immediate-abort` panic strategy, instead of linking the prebuilt
# std: a panic traps at once, with no message formatting, no panic hook and no unwinding tables
# behind it; std's own code is optimized for size (its `optimize_for_size` feature). 10.8 KB
# gzipped less (README, size steps). `-Zbuild-std` is not stable yet: RUSTC_BOOTSTRAP=1 lets the
# stable compiler accept it, as setup.sh's Debian route already does to build std once.
# scripts/setup.sh installs the source (rustup's `rust-src`, or Debian's `rust-web-src`).
#
# `-Zlocation-detail=none`: the `Location::caller()` records that crates still keep (a path, a
# line, a column), which no message reads in such a build, all become one record without a path
# (0.2 KB gzipped less than blanking them after the build, scripts/blank-panic-locations.mjs,
# which now finds none in the widget's wasm).
#
# A panic in such a build is a `RuntimeError: unreachable` thrown to the page, with no text.
# `KEEP_PANIC_MESSAGES=1` at build links the prebuilt std instead: Yew's panic hook then writes
# the panic's message, file and line to the console (to debug a panic).
#
# These builds have a target folder of their own, target/widget: RUSTC_BOOTSTRAP changes what
# some build scripts see (proc-macro2's), so sharing target/ with the native builds would rebuild
# every proc macro and what uses it each time one kind of build follows the other.
WIDGET_TARGET_DIR="${ROOT:?}/target/widget"
# The cargo output of the widget's and the benchmark's wasm.
# shellcheck disable=SC2034 # read by the scripts that source this one
WIDGET_WASM_DIR="$WIDGET_TARGET_DIR/wasm32-unknown-unknown/release"
WASM_STD_ARGS=()
[ "${KEEP_PANIC_MESSAGES:-}" = 1 ] || WASM_STD_ARGS=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)

# Runs a build command (wasm-pack, cargo) for the widget's wasm: its std and its target folder.
with_widget_std() {
    if [ "${KEEP_PANIC_MESSAGES:-}" = 1 ]; then
        CARGO_TARGET_DIR="$WIDGET_TARGET_DIR" "$@"
    else
        CARGO_TARGET_DIR="$WIDGET_TARGET_DIR" RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" "$@"
    fi
}
