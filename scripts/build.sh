#!/usr/bin/env bash
# Builds the npm package into pkg/ (wasm-pack, then js/package.mjs adds the
# entry points and completes package.json) when the sources are newer than it.
# --force builds anyway.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
stamp="pkg/index.js"
if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] \
  && [ -z "$(find src js Cargo.toml Cargo.lock README.md CHANGELOG.md scripts/nightly.sh -newer "$stamp" -print -quit)" ]; then
  exit 0
fi
# Reproducible bytes: the module names source files (panic locations), so
# no path of this machine may reach it (docs/security.md). The checkout and
# cargo's home are written as fixed names, and the registry's source folders
# as nothing (`sha2-0.10.9/src/...`: the shortest path, 53 B less than
# `/cargo/registry/src/index.crates.io-<hash>/...`). Only the release build
# of the .wasm gets these flags: the tests' builds keep theirs. (With the
# nightly's -Zlocation-detail=none no path is left to remap today; these
# keep it so if a path comes back.)
cargo_home="$(cd "${CARGO_HOME:-$HOME/.cargo}" && pwd)"
flags="--remap-path-prefix=$cargo_home=/cargo --remap-path-prefix=$ROOT=/cognito-confirm"
for registry in "$cargo_home"/registry/src/*/; do
  [ -d "$registry" ] && flags+=" --remap-path-prefix=$registry="
done
unset CARGO_ENCODED_RUSTFLAGS
# The release module, by the pinned nightly (scripts/nightly.sh), which adds its own flags after these.
source scripts/nightly.sh
RUSTFLAGS="$flags" nightly_build pkg
# integrity.json names the toolchain that built the module.
RUSTUP_TOOLCHAIN="$NIGHTLY" node js/package.mjs
