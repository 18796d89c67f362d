#!/usr/bin/env bash
# The project's habits, each one check: the Rust formatted and lint-free
# (natively and for wasm32, with each feature set a build or a test uses),
# the docs building without a warning, the package's JavaScript type-checked
# and linted.
#
#   bash scripts/check.sh           # all of them (make check adds the native tests)
#   bash scripts/check.sh NAME...   # fmt clippy clippy-wasm doc tsc eslint
#
# The test command runs each by name, so each counts. `tsc` reads the module's
# generated types (pkg/cognito_confirm.d.ts): build first (bash scripts/build.sh).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

fmt() { cargo fmt --check; }
clippy() { cargo clippy --all-targets -- -D warnings; }
# The package (default features: standalone), the browser tests (web alone,
# with the test targets) and the panic probe's build.
clippy-wasm() {
  cargo clippy --target wasm32-unknown-unknown -- -D warnings \
    && cargo clippy --target wasm32-unknown-unknown --no-default-features --features web --all-targets -- -D warnings \
    && cargo clippy --target wasm32-unknown-unknown --features panic-probe -- -D warnings
}
# The docs are for contributors: every module, private ones included, natively and for wasm32 (src/web/).
doc() {
  RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps --document-private-items \
    && RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps --document-private-items --target wasm32-unknown-unknown
}
tsc() {
  [ -f pkg/cognito_confirm.d.ts ] || { echo "no pkg/cognito_confirm.d.ts: run bash scripts/build.sh first"; return 1; }
  command tsc -p js && command tsc -p js/tsconfig.entry.json
}
eslint() { command eslint .; }

names=("$@")
[ ${#names[@]} -gt 0 ] || names=(fmt clippy clippy-wasm doc tsc eslint)
failed=()
for name in "${names[@]}"; do
  case "$name" in
    fmt | clippy | clippy-wasm | doc | tsc | eslint) ;;
    *) echo "unknown check: $name (fmt clippy clippy-wasm doc tsc eslint)"; exit 2 ;;
  esac
  echo "--- $name"
  "$name" || failed+=("$name")
done
[ ${#failed[@]} -eq 0 ] || { echo "failed: ${failed[*]}"; exit 1; }
