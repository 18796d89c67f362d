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
# The release module: the pinned nightly rebuilds core and alloc with it
# (scripts/nightly.sh); RUSTFLAGS set by the caller are kept, in front.
source scripts/nightly.sh
RUSTUP_TOOLCHAIN="$NIGHTLY" RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$NIGHTLY_RUSTFLAGS" \
  wasm-pack build --target web --release . "${NIGHTLY_CARGO_ARGS[@]}"
node js/package.mjs
