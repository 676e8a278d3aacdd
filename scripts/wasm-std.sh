# shellcheck shell=bash
# Sourced by scripts/build.sh and bench/build-wasm.sh: how the learner's widget (and the
# benchmark's wasm, so that its engine runs as the widget's does) get their standard library.
#
# By default std, core and alloc are compiled from their source with the widget's release profile
# (opt-level "z", LTO) and the `immediate-abort` panic strategy, instead of linking the prebuilt
# std: a panic traps at once, with no message formatting, no panic hook and no unwinding tables
# behind it; std's own code is optimized for size (its `optimize_for_size` feature). 10.8 KB
# gzipped less (README, size steps). `-Zbuild-std` is not stable yet: RUSTC_BOOTSTRAP=1 lets the
# stable compiler accept it, as setup.sh's Debian route already does to build std once.
# scripts/setup.sh installs the source (rustup's `rust-src`, or Debian's `rust-web-src`).
#
# A panic in such a build is a `RuntimeError: unreachable` thrown to the page, with no text.
# `KEEP_PANIC_MESSAGES=1` at build links the prebuilt std instead: Yew's panic hook then writes
# the panic's message, file and line to the console (to debug a panic).
WASM_STD_ARGS=()
if [ "${KEEP_PANIC_MESSAGES:-}" != 1 ]; then
    WASM_STD_ARGS=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
    export RUSTC_BOOTSTRAP=1
    export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
fi
