#!/usr/bin/env bash
# esbuild bundles the JS and leaves `new URL("./cognito_confirm_bg.wasm",
# import.meta.url)` alone, so the .wasm is copied beside the bundle.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf dist && mkdir dist
esbuild src/main.js --bundle --format=esm --minify --outfile=dist/main.js --log-level=warning
cp node_modules/cognito-confirm/cognito_confirm_bg.wasm dist/
cp src/index.html dist/
