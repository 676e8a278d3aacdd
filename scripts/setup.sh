#!/usr/bin/env bash
#! Installs everything the project needs on a bare Debian machine, idempotently: a wasm32 Rust
#! toolchain, wasm-bindgen-cli at the exact version in Cargo.lock, wasm-pack, the npm packages of
#! the browser tests (playwright-core, axe-core, binaryen's wasm-opt), Debian's chromium and
#! chromium-driver. Quiet when nothing is missing; says what it does on long steps.
#!
#! Writes `.tools/wasm-path`: the directories to put first on PATH for every wasm step (empty when
#! the default toolchain has the target; `/usr/bin` on the Debian route).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="$ROOT/.tools"
mkdir -p "$TOOLS"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*" >&2; }

APT_UPDATED=0
apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if [ "$APT_UPDATED" -eq 0 ]; then
        say "updating the Debian package lists"
        $sudo apt-get update -qq >/dev/null
        APT_UPDATED=1
    fi
    say "installing Debian packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# True when the given rustc has a standard library for wasm32-unknown-unknown.
rustc_has_wasm_std() {
    local rustc="$1" sysroot
    command -v "$rustc" >/dev/null 2>&1 || return 1
    sysroot="$("$rustc" --print sysroot 2>/dev/null)" || return 1
    compgen -G "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib" >/dev/null
}

# True when the given rustc has the standard library's source: the widget builds its std from it
# (scripts/wasm-std.sh).
rustc_has_std_source() {
    local rustc="$1" sysroot
    command -v "$rustc" >/dev/null 2>&1 || return 1
    sysroot="$("$rustc" --print sysroot 2>/dev/null)" || return 1
    [ -f "$sysroot/lib/rustlib/src/rust/library/std/src/lib.rs" ]
}

# Builds std for wasm32 with Debian's rustc-web (Rust with its std source) and installs it into
# that rustc's sysroot, with rust-lld pointing at Debian's lld.
install_debian_wasm_toolchain() {
    say "no wasm32 target from rustup: using Debian's rustc-web route (several minutes, once)"
    apt_install rustc-web cargo-web rust-web-src lld-19
    local sysroot host_bin build
    sysroot="$(/usr/bin/rustc --print sysroot)"
    host_bin="$sysroot/lib/rustlib/x86_64-unknown-linux-gnu/bin"
    mkdir -p "$host_bin"
    [ -e "$host_bin/rust-lld" ] || ln -sf /usr/bin/lld-19 "$host_bin/rust-lld"
    build="$(mktemp -d)"
    # `[workspace]`: a Cargo.toml in a folder above the temporary one is not its workspace.
    mkdir -p "$build/src"
    printf '[workspace]\n[package]\nname = "wasm-std"\nversion = "0.0.0"\nedition = "2021"\n[lib]\npath = "src/lib.rs"\n' >"$build/Cargo.toml"
    printf '#![no_std]\n' >"$build/src/lib.rs"
    say "building the Rust standard library for wasm32"
    (cd "$build" && PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 /usr/bin/cargo build -q --release \
        --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort)
    mkdir -p "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib"
    cp "$build"/target/wasm32-unknown-unknown/release/deps/*.rlib \
        "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib/"
    rm -rf "$build"
}

# 1. A wasm32 toolchain with the standard library's source: the default one if it has both, else
#    rustup's target and `rust-src` (short time limits), else Debian's rustc-web (its source is
#    `rust-web-src`).
wasm_path=""
# AP_WASM_ROUTE=debian forces the third route (to test it on a machine where the others work).
if [ "${AP_WASM_ROUTE:-}" = "debian" ]; then
    rustc_has_wasm_std /usr/bin/rustc || install_debian_wasm_toolchain
    rustc_has_wasm_std /usr/bin/rustc || { say "could not install a wasm32 standard library"; exit 1; }
    rustc_has_std_source /usr/bin/rustc || apt_install rust-web-src
    wasm_path="/usr/bin"
elif rustc_has_wasm_std rustc && rustc_has_std_source rustc; then
    :
elif command -v rustup >/dev/null 2>&1 &&
    { rustc_has_wasm_std rustc || { say "adding the wasm32 target with rustup"; timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; }; } &&
    { rustc_has_std_source rustc || { say "adding the standard library's source with rustup"; timeout 300 rustup component add rust-src >/dev/null 2>&1; }; } &&
    rustc_has_wasm_std rustc && rustc_has_std_source rustc; then
    :
else
    rustc_has_wasm_std /usr/bin/rustc || install_debian_wasm_toolchain
    rustc_has_wasm_std /usr/bin/rustc || { say "could not install a wasm32 standard library"; exit 1; }
    rustc_has_std_source /usr/bin/rustc || apt_install rust-web-src
    wasm_path="/usr/bin"
fi
printf '%s\n' "$wasm_path" >"$TOOLS/wasm-path.tmp" && mv "$TOOLS/wasm-path.tmp" "$TOOLS/wasm-path"

# 2. wasm-bindgen-cli at exactly the version Cargo.lock has (no --locked: one of its locked
#    dependencies is missing from the registry), and wasm-pack.
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
    say "installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
    cargo install -q --force wasm-bindgen-cli --version "$bindgen_version"
fi
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "0.15.1" ]; then
    say "installing wasm-pack 0.15.1 (a few minutes, once)"
    cargo install -q --force wasm-pack --version 0.15.1 --locked
fi

# 3. The browsers of the tests: Chromium and its driver, and Firefox ESR (driven over WebDriver
#    BiDi by playwright-core, which needs no driver of its own).
apt_install chromium chromium-driver firefox-esr

# 4. npm packages of the browser tests, including binaryen's wasm-opt.
lock="$ROOT/pkg-tests/package-lock.json"
stamp="$ROOT/pkg-tests/node_modules/.installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$lock" "$stamp"; then
    say "installing the npm packages of pkg-tests"
    (cd "$ROOT/pkg-tests" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$lock" "$stamp"
fi
