#!/usr/bin/env bash
# Where the bytes go: the release module after wasm-bindgen and wasm-opt, with
# names kept, fed to twiggy. Usage: scripts/twiggy.sh [twiggy args] (default: top -n 40)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
command -v twiggy >/dev/null || cargo install twiggy --locked
out="$ROOT/target/twiggy"
mkdir -p "$out"
# The same compiler and flags as the release build (scripts/build.sh).
source scripts/nightly.sh
RUSTUP_TOOLCHAIN="$NIGHTLY" RUSTFLAGS="$NIGHTLY_RUSTFLAGS" \
  cargo build --release --target wasm32-unknown-unknown -q "${NIGHTLY_CARGO_ARGS[@]}"
wasm-bindgen --target web --out-dir "$out" target/wasm32-unknown-unknown/release/cognito_confirm.wasm
wasm-opt -Oz --flatten --rereloop -Oz -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/cognito_confirm_bg.wasm" -o "$out/named.wasm"
if [ $# -eq 0 ]; then set -- top -n 40; fi
twiggy "$@" "$out/named.wasm"
