#!/usr/bin/env bash
# Shipped bytes: the .wasm plus the JS glue a bundler keeps (esbuild, minified),
# each compressed with brotli -q 11. Fails when the total passes the budget.
# Usage: scripts/size.sh [budget-bytes]   (default 12000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$PATH"
budget="${1:-12000}"
out="$ROOT/target/size"
mkdir -p "$out"
esbuild tests/size/entry.js --bundle --minify --format=esm --log-level=error --outfile="$out/glue.min.js"
wasm="pkg/cognito_confirm_bg.wasm"
raw_wasm=$(wc -c <"$wasm")
br_wasm=$(brotli -q 11 -c "$wasm" | wc -c)
raw_js=$(wc -c <"$out/glue.min.js")
br_js=$(brotli -q 11 -c "$out/glue.min.js" | wc -c)
total=$((br_wasm + br_js))
printf 'wasm: %d raw, %d brotli\nglue: %d minified, %d brotli\nshipped: %d bytes brotli (budget %d)\n' \
  "$raw_wasm" "$br_wasm" "$raw_js" "$br_js" "$total" "$budget"
# <cognito-sign-up> (its define entry: the element, its CSS, the English
# strings) bundled the same way, less the package's calls it imports.
element_budget="${ELEMENT_BUDGET:-5000}"
for entry in element calls; do
  esbuild "tests/size/$entry.js" --bundle --minify --format=esm --log-level=error --outfile="$out/$entry.min.js"
done
br_element=$(( $(brotli -q 11 -c "$out/element.min.js" | wc -c) - $(brotli -q 11 -c "$out/calls.min.js" | wc -c) ))
printf 'element: %d bytes brotli on top of the package (budget %d)\n' "$br_element" "$element_budget"
[ "$total" -le "$budget" ] && [ "$br_element" -le "$element_budget" ]
