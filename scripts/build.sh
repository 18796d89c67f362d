#!/usr/bin/env bash
# Builds the npm package into pkg/ when the sources are newer than it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
wasm="pkg/cognito_confirm_bg.wasm"
if [ "${1:-}" != "--force" ] && [ -f "$wasm" ] && [ -z "$(find src Cargo.toml Cargo.lock -newer "$wasm" -print -quit)" ]; then
  exit 0
fi
wasm-pack build --target web --release
