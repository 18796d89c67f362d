# The one nightly Rust this project uses, pinned by date so that the shipped
# module is the same bytes next month. scripts/build.sh builds the package's
# release module with it (-Zbuild-std: docs/performance-2026-12.md), the fuzz
# runs of scripts/test.sh use it, and scripts/setup.sh installs it (with
# rust-src and the wasm32 target) when missing. Sourced by those scripts.
NIGHTLY=nightly-2026-10-30
# Rebuild core and alloc with the module: panics become a bare trap (no
# message, no location, no formatting machinery), and derived `Debug` prints
# nothing. The crate already turns every panic into a trap (src/web/mod.rs);
# this takes the code that would have built the message out as well.
# Without reference types, wasm-bindgen needs no table of JavaScript values
# (the module holds none) and no start function: js/abi.js is the smaller.
NIGHTLY_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Ctarget-feature=-reference-types"
# The rebuilt core, alloc and compiler_builtins at opt-level 3, as the
# prebuilt ones are: with the crate's "z" they were slower warm (about 1.2x
# per step) and, after LTO and wasm-opt, 672 B bigger.
NIGHTLY_CARGO_ARGS=(-Zbuild-std=core,alloc
  --config 'profile.release.package.core.opt-level=3'
  --config 'profile.release.package.alloc.opt-level=3'
  --config 'profile.release.package.compiler_builtins.opt-level=3')

# nightly_build OUT_DIR [CARGO ARGS...]: the release package's wasm-pack build
# into OUT_DIR (relative to the crate). A caller's RUSTFLAGS come first.
nightly_build() {
  local out="$1"
  shift
  RUSTUP_TOOLCHAIN="$NIGHTLY" RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$NIGHTLY_RUSTFLAGS" \
    wasm-pack build --target web --release --out-dir "$out" . "${NIGHTLY_CARGO_ARGS[@]}" "$@"
}
