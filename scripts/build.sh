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
# The release module, by the pinned nightly (scripts/nightly.sh).
source scripts/nightly.sh
nightly_build pkg
node js/package.mjs
