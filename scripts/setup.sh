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

# Builds std for wasm32 with Debian's rustc-web (Rust with its std source; installed by the
# caller) and installs it into that rustc's sysroot, with rust-lld pointing at Debian's lld.
install_debian_wasm_std() {
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
#    `rust-web-src`), whose packages and std build are step 3's.
debian_route=0
# AP_WASM_ROUTE=debian forces the third route (to test it on a machine where the others work).
if [ "${AP_WASM_ROUTE:-}" = "debian" ]; then
    debian_route=1
elif rustc_has_wasm_std rustc && rustc_has_std_source rustc; then
    :
elif command -v rustup >/dev/null 2>&1 &&
    { rustc_has_wasm_std rustc || { say "adding the wasm32 target with rustup"; timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; }; } &&
    { rustc_has_std_source rustc || { say "adding the standard library's source with rustup"; timeout 300 rustup component add rust-src >/dev/null 2>&1; }; } &&
    rustc_has_wasm_std rustc && rustc_has_std_source rustc; then
    :
else
    debian_route=1
fi
wasm_path=""
[ "$debian_route" -eq 0 ] || wasm_path="/usr/bin"

# Steps 2 to 4 at the same time: the Debian packages and the npm packages mostly download, while
# step 2 compiles. Each step that did something says how long it took; any failure fails setup.
started=$SECONDS
took() { say "$1: $((SECONDS - $2)) s"; }
jobs_started=()

# 3. The Debian packages: the browsers of the tests (Chromium and its driver, and Firefox ESR,
#    driven over WebDriver BiDi by playwright-core, which needs no driver of its own), zip and
#    unzip (the README's LMS recipe and the tests that unpack zips), and on the Debian route
#    rustc-web with its std built for wasm32.
debian_packages() {
    local start=$SECONDS packages=(chromium chromium-driver firefox-esr zip unzip) build_std=0
    if [ "$debian_route" -eq 1 ]; then
        if ! rustc_has_wasm_std /usr/bin/rustc; then
            say "no wasm32 target from rustup: using Debian's rustc-web route (several minutes, once)"
            packages+=(rustc-web cargo-web rust-web-src lld-19)
            build_std=1
        fi
        rustc_has_std_source /usr/bin/rustc || packages+=(rust-web-src)
    fi
    apt_install "${packages[@]}"
    [ "$build_std" -eq 0 ] || install_debian_wasm_std
    if [ "$debian_route" -eq 1 ]; then
        rustc_has_wasm_std /usr/bin/rustc || { say "could not install a wasm32 standard library"; exit 1; }
    fi
    local what="Debian packages"
    [ "$build_std" -eq 0 ] || what="Debian packages and the wasm32 std"
    [ $((SECONDS - start)) -lt 2 ] || took "$what" "$start"
}
debian_packages &
jobs_started+=("$!:Debian packages")

# 4. npm packages of the browser tests, including binaryen's wasm-opt.
npm_packages() {
    local start=$SECONDS lock="$ROOT/pkg-tests/package-lock.json" stamp="$ROOT/pkg-tests/node_modules/.installed-lock"
    if [ ! -f "$stamp" ] || ! cmp -s "$lock" "$stamp"; then
        say "installing the npm packages of pkg-tests"
        (cd "$ROOT/pkg-tests" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
        cp "$lock" "$stamp"
        took "npm packages" "$start"
    fi
}
npm_packages &
jobs_started+=("$!:npm packages")

# 2. wasm-bindgen-cli at exactly the version Cargo.lock has (no --locked: one of its locked
#    dependencies is missing from the registry), without its default feature, TLS (rustls and
#    ring): only its test runner fetches anything (over the network), and nothing here
#    runs it; and wasm-pack. Both compile at opt-level 0, at the same time: on a new machine
#    these two installs were most of setup (166 s and 208 s one after the other), and
#    optimising them costs 2.5 times the CPU (wasm-pack: 245 against 99 CPU-seconds) for
#    tools that only drive a build (wasm-bindgen takes about 1 s more per build so).
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
cargo_tool() {
    local name=$1 version=$2 start=$SECONDS
    shift 2
    say "installing $name $version (a few minutes, once)"
    CARGO_PROFILE_RELEASE_OPT_LEVEL=0 cargo install -q --force "$@" "$name" --version "$version"
    took "$name" "$start"
}
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
    cargo_tool wasm-bindgen-cli "$bindgen_version" --no-default-features &
    jobs_started+=("$!:wasm-bindgen-cli")
fi
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "0.15.1" ]; then
    cargo_tool wasm-pack 0.15.1 --locked &
    jobs_started+=("$!:wasm-pack")
fi

failed=0
for job in "${jobs_started[@]}"; do
    wait "${job%%:*}" || { say "${job#*:} failed"; failed=1; }
done
[ "$failed" -eq 0 ] || exit 1
printf '%s\n' "$wasm_path" >"$TOOLS/wasm-path.tmp" && mv "$TOOLS/wasm-path.tmp" "$TOOLS/wasm-path"
[ $((SECONDS - started)) -lt 2 ] || took "setup in all" "$started"
